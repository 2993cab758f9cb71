/** Integration tests of Calendar streaming against google-sim, the emulator and PostgreSQL. */
@NullMarked
package dev.officeflow.office.streaming.calendar;

import org.jspecify.annotations.NullMarked;
