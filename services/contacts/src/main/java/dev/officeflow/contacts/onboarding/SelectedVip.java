package dev.officeflow.contacts.onboarding;

import org.jspecify.annotations.Nullable;

/** One saved VIP; rank 1 first. */
public record SelectedVip(
    int rank, String contactHash, @Nullable String displayName, @Nullable String domain) {}
