package dev.officeflow.graphsim.subscriptions;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The live subscriptions by id, with what admin requests ask of them: whether {@code
 * reauthorizationRequired} was already sent, and how many change notifications to drop.
 */
final class SubscriptionStore {

  /** Whether to drop a change notification, and whether it was the last one asked for. */
  enum Drop {
    NO,
    YES,
    LAST
  }

  private final Map<String, Subscription> byId = new ConcurrentHashMap<>();
  private final Set<String> reauthorizationSent = ConcurrentHashMap.newKeySet();
  private final Map<String, AtomicInteger> drops = new ConcurrentHashMap<>();

  void put(Subscription subscription) {
    byId.put(subscription.id(), subscription);
  }

  /** Replaces a subscription with its renewal; the next expiry warns again. */
  void renew(Subscription renewed) {
    byId.put(renewed.id(), renewed);
    reauthorizationSent.remove(renewed.id());
  }

  Optional<Subscription> get(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  Optional<Subscription> remove(String id) {
    reauthorizationSent.remove(id);
    drops.remove(id);
    return Optional.ofNullable(byId.remove(id));
  }

  /** Every subscription, oldest expiry first (a stable order for listings). */
  List<Subscription> all() {
    return byId.values().stream()
        .sorted(Comparator.comparing(Subscription::expiration).thenComparing(Subscription::id))
        .toList();
  }

  List<Subscription> forAccount(String accountId) {
    return all().stream().filter(s -> s.accountId().equals(accountId)).toList();
  }

  int size() {
    return byId.size();
  }

  /** True the first time it is asked for a subscription since its creation or last renewal. */
  boolean firstReauthorizationWarning(String id) {
    return byId.containsKey(id) && reauthorizationSent.add(id);
  }

  void reauthorized(String id) {
    reauthorizationSent.remove(id);
  }

  void dropNext(String id, int count) {
    drops.put(id, new AtomicInteger(count));
  }

  Drop takeDrop(String id) {
    AtomicInteger left = drops.get(id);
    if (left == null) {
      return Drop.NO;
    }
    int now = left.decrementAndGet();
    if (now < 0) {
      return Drop.NO;
    }
    if (now == 0) {
      drops.remove(id, left);
      return Drop.LAST;
    }
    return Drop.YES;
  }

  void clear() {
    byId.clear();
    reauthorizationSent.clear();
    drops.clear();
  }
}
