/**
 * Where a service runs ({@code officeflow.environment}: {@code local} or {@code production}, the
 * default) and the guard that keeps development defaults out of production (ARCHITECTURE §8).
 */
@NullMarked
package dev.officeflow.runtime.environment;

import org.jspecify.annotations.NullMarked;
