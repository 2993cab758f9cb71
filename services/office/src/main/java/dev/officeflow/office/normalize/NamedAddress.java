package dev.officeflow.office.normalize;

import org.jspecify.annotations.Nullable;

/**
 * One mailbox from an address header: the bare address (lower case) and the display name, decoded,
 * when the header gave one.
 */
public record NamedAddress(String address, @Nullable String displayName) {}
