/**
 * The contact outbox: contact events written in the transaction that changes the contact, and the
 * relay that publishes them in order per contact and deletes each once Pub/Sub acknowledged it.
 * Discovery uses {@link dev.officeflow.contacts.outbox.ContactOutbox}.
 */
@NullMarked
package dev.officeflow.contacts.outbox;

import org.jspecify.annotations.NullMarked;
