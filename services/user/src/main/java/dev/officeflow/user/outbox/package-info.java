/**
 * Events committed with the change they announce: written to an outbox table in the same
 * transaction, published right after the commit, and re-published by a sweeper if that failed.
 */
@NullMarked
package dev.officeflow.user.outbox;

import org.jspecify.annotations.NullMarked;
