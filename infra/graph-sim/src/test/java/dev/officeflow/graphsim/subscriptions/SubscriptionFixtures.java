package dev.officeflow.graphsim.subscriptions;

import java.time.Instant;
import java.util.Set;

/** Subscriptions built directly, for tests of the pieces that read them. */
final class SubscriptionFixtures {

  private SubscriptionFixtures() {}

  static Subscription subscription(String resource, Set<String> changeTypes) {
    return new Subscription(
        "00000000-0000-0000-0000-000000000001",
        "account-1",
        resource,
        ResourcePath.parse(resource).orElseThrow().path(),
        String.join(",", changeTypes),
        changeTypes,
        "http://127.0.0.1:1/notify",
        null,
        "state",
        "v1_2",
        "app-1",
        Instant.parse("2026-12-08T00:00:00Z"));
  }
}
