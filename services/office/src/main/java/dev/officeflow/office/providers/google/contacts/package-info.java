/**
 * Google's address book through the People API ({@code people.connections.list}, {@code
 * otherContacts.list}): read in the backfill as {@code ContactEvent}s on {@code contacts}, then
 * polled by sync token ({@code contact_sync}, V10) as the streaming reconciler schedules it.
 */
@NullMarked
package dev.officeflow.office.providers.google.contacts;

import org.jspecify.annotations.NullMarked;
