/**
 * Forgetting a deleted user: their jobs, then the streaming state through {@code UserForgotten}.
 */
@NullMarked
package dev.officeflow.office.purge;

import org.jspecify.annotations.NullMarked;
