package dev.officeflow.user.connect;

import org.jspecify.annotations.Nullable;

/**
 * What the provider's redirect to the callback carried, and the browser key the browser presented
 * with it (its {@code officeflow_oauth} cookie; null when it has none).
 */
public record Callback(
    @Nullable String state,
    @Nullable String code,
    @Nullable String error,
    @Nullable String errorDescription,
    @Nullable String scope,
    @Nullable String browserKey) {

  @Override
  public String toString() {
    return "Callback[error=" + error + ", scope=" + scope + "]";
  }
}
