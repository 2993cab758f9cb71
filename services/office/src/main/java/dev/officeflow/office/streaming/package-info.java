/**
 * The streaming bridge (ARCHITECTURE §2, flow 3): provider changes after the backfill, turned into
 * {@code real_time} events. Gmail in {@code gmail}, Calendar in {@code calendar}.
 */
@NullMarked
package dev.officeflow.office.streaming;

import org.jspecify.annotations.NullMarked;
