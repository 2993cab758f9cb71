/**
 * The Calendar half of the streaming bridge: {@code events.watch} channels per calendar, the
 * webhook that verifies their notifications, incremental {@code events.list} with stored sync
 * tokens (one listing per calendar at a time, across instances), renewals, 410 resyncs and a
 * periodic safety-net listing.
 */
@NullMarked
package dev.officeflow.office.providers.google.calendar;

import org.jspecify.annotations.NullMarked;
