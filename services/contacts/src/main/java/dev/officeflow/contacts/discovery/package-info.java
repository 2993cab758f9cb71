/**
 * Contact discovery: turns email and calendar events into per-participant interactions, learns the
 * user's own addresses, writes the interactions in batches and announces new contacts and band
 * changes as {@code ContactEvent}s. Other features use {@link
 * dev.officeflow.contacts.discovery.OwnAddresses}.
 */
@NullMarked
package dev.officeflow.contacts.discovery;

import org.jspecify.annotations.NullMarked;
