package dev.officeflow.graphsim.subscriptions;

import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A live change-notification subscription. Immutable: a renewal replaces it.
 *
 * @param id a GUID, as Graph's subscription ids are
 * @param accountId the mailbox owner it watches, who is also its creator ({@code creatorId})
 * @param resource the resource as the request named it
 * @param target what that resource watches
 * @param changeType the change types as the request listed them ({@code created,updated})
 * @param changeTypes the same, one entry each, in lower case
 */
public record Subscription(
    String id,
    String accountId,
    String resource,
    ResourcePath target,
    String changeType,
    Set<String> changeTypes,
    String notificationUrl,
    @Nullable String lifecycleNotificationUrl,
    @Nullable String clientState,
    String latestSupportedTlsVersion,
    String applicationId,
    Instant expiration) {

  public Subscription {
    changeTypes = Set.copyOf(changeTypes);
  }

  /** Whether a change of this type in {@code changed} is one to notify about. */
  public boolean hears(ResourcePath changed, String type) {
    return target.covers(changed) && changeTypes.contains(type);
  }

  public boolean expiredAt(Instant now) {
    return !expiration.isAfter(now);
  }

  public Subscription withExpiration(Instant newExpiration) {
    return new Subscription(
        id,
        accountId,
        resource,
        target,
        changeType,
        changeTypes,
        notificationUrl,
        lifecycleNotificationUrl,
        clientState,
        latestSupportedTlsVersion,
        applicationId,
        newExpiration);
  }
}
