/**
 * The scale benchmark: many users connecting within seconds, two office instances sharing the
 * project's Google quota, the contacts service ranking their first VIP candidates.
 */
@NullMarked
package dev.officeflow.bench.scale;

import org.jspecify.annotations.NullMarked;
