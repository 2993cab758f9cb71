/**
 * Calendar v3: the calendar list, events list with paging and sync tokens on every calendar,
 * events.watch channels per calendar, channels.stop.
 */
@NullMarked
package dev.officeflow.googlesim.calendar;

import org.jspecify.annotations.NullMarked;
