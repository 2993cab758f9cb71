/**
 * What the notifier reads: {@code progress}, {@code emails}, {@code calendars}, {@code contacts}
 * and {@code integrations}, through one shared subscription per topic, turned into the small
 * notifications of the stream (never an item's body), backfill items coalesced into counts.
 */
@NullMarked
package dev.officeflow.notifier.feed;

import org.jspecify.annotations.NullMarked;
