/**
 * Deterministic generator of a realistic mailbox and calendar, with planted closeness ground truth.
 */
@NullMarked
package dev.officeflow.googlesim.mailbox;

import org.jspecify.annotations.NullMarked;
