/**
 * From the deprecated shapes to typed events: telling a legacy message's shape ({@code
 * LegacyReader}), one typed event per item ({@code TypedEvents}), and the handler of each legacy
 * subscription, which publishes the items and dead-letters the bad ones alone.
 */
@NullMarked
package dev.officeflow.legacybridge.bridge;

import org.jspecify.annotations.NullMarked;
