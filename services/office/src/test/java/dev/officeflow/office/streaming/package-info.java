/**
 * Integration tests of the streaming reconciler against google-sim, the emulator and PostgreSQL.
 */
@NullMarked
package dev.officeflow.office.streaming;

import org.jspecify.annotations.NullMarked;
