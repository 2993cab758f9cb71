package dev.officeflow.user.connect;

import org.jspecify.annotations.Nullable;

/** What Google's redirect to the callback carried. */
public record Callback(
    @Nullable String state,
    @Nullable String code,
    @Nullable String error,
    @Nullable String errorDescription,
    @Nullable String scope) {}
