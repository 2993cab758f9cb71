/**
 * Calendar events as the generator makes them, in no provider's shape (google-sim serves them as
 * Calendar v3 events, graph-sim as Outlook events), and the expansion of a series into its
 * occurrences by RFC 5545 (lib-recur).
 */
@NullMarked
package dev.officeflow.simkit.calendar;

import org.jspecify.annotations.NullMarked;
