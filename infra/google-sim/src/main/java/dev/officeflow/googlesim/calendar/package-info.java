/** Calendar v3: events list with paging and sync tokens, events.watch channels, channels.stop. */
@NullMarked
package dev.officeflow.googlesim.calendar;

import org.jspecify.annotations.NullMarked;
