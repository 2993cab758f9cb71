/**
 * The Outlook calendar in a backfill: Graph's {@code calendarView} of the job's window (30 days
 * back, 2 days ahead), each occurrence of a series its own item, mapped to the same {@code
 * CalendarEntry} records as Google Calendar's.
 */
@NullMarked
package dev.officeflow.office.providers.microsoft.calendar;

import org.jspecify.annotations.NullMarked;
