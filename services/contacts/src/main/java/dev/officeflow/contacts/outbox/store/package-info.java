/** The {@code contact_outbox} table: SQL only, no publishing. */
@NullMarked
package dev.officeflow.contacts.outbox.store;

import org.jspecify.annotations.NullMarked;
