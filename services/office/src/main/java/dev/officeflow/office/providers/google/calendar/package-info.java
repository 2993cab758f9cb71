/**
 * Google Calendar: the backfill source (every selected calendar's events in the job's window, the
 * calendars listed with {@code calendarList}) and the Calendar half of the streaming bridge: {@code
 * events.watch} channels per calendar, the webhook that verifies their notifications, incremental
 * {@code events.list} with stored sync tokens (one listing per calendar at a time, across
 * instances), renewals that list the calendars again, 410 resyncs and a periodic safety-net
 * listing.
 */
@NullMarked
package dev.officeflow.office.providers.google.calendar;

import org.jspecify.annotations.NullMarked;
