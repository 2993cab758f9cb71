package dev.officeflow.contacts.onboarding;

import org.jspecify.annotations.Nullable;

/**
 * One saved VIP; rank 1 first.
 *
 * @param address opened for its own user only, as for {@link Candidate#address()}
 */
public record SelectedVip(
    int rank,
    String contactHash,
    @Nullable String displayName,
    @Nullable String address,
    @Nullable String domain) {}
