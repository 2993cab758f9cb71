/**
 * Graph's calendar resources: {@code /me/calendarView} (occurrences, exceptions and single
 * instances in a start/end window), its delta over the same window, and {@code /me/events} (single
 * events and series masters) with {@code /me/events/{id}}.
 */
@NullMarked
package dev.officeflow.graphsim.calendar;

import org.jspecify.annotations.NullMarked;
