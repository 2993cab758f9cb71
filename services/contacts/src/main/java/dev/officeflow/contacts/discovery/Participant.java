package dev.officeflow.contacts.discovery;

import dev.officeflow.contacts.address.NormalizedAddress;
import org.jspecify.annotations.Nullable;

/**
 * A participant's address and name as the message being processed shows them: kept in memory only,
 * for the {@code ContactEvent}s of that message, and never written to the database.
 */
public record Participant(NormalizedAddress address, @Nullable String displayName) {}
