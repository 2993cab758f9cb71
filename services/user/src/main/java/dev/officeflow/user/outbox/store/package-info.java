/** The outbox table: SQL only, no publishing. */
@NullMarked
package dev.officeflow.user.outbox.store;

import org.jspecify.annotations.NullMarked;
