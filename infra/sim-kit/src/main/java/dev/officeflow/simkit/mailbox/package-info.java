/**
 * Deterministic generator of a realistic mailbox and calendar, with planted closeness ground truth.
 */
@NullMarked
package dev.officeflow.simkit.mailbox;

import org.jspecify.annotations.NullMarked;
