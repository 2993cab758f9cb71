package dev.officeflow.graphsim.subscriptions;

import java.util.Arrays;
import java.util.Optional;

/** The lifecycle notifications Graph sends for Outlook resources, by their wire names. */
public enum LifecycleEvent {
  REAUTHORIZATION_REQUIRED("reauthorizationRequired"),
  SUBSCRIPTION_REMOVED("subscriptionRemoved"),
  MISSED("missed");

  private final String wireName;

  LifecycleEvent(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static Optional<LifecycleEvent> of(String wireName) {
    return Arrays.stream(values()).filter(e -> e.wireName.equalsIgnoreCase(wireName)).findFirst();
  }
}
