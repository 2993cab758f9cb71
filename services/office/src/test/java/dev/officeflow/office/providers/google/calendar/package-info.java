/** Integration tests of Calendar streaming against google-sim, the emulator and PostgreSQL. */
@NullMarked
package dev.officeflow.office.providers.google.calendar;

import org.jspecify.annotations.NullMarked;
