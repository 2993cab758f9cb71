package dev.officeflow.runtime.testing;

import com.google.cloud.spring.pubsub.PubSubAdmin;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The Pub/Sub topics and subscriptions the running test class made on the test emulator, deleted
 * when it ends ({@link EmulatorCleanup}).
 *
 * <p>Why: the emulator keeps, for every subscription until it is deleted, a thread, a timer that
 * scans its outstanding messages every second and every message published to it. The ITs of one
 * {@code ./dev test} apply the whole catalog dozens of times on one emulator and never deleted
 * anything: the office's ITs alone left about 1,400 subscriptions (1,790 emulator threads) in their
 * first three minutes, and the system tests, which run last, took 6.5-10 minutes in whole runs
 * against 3 on a fresh emulator.
 *
 * <p>What a class made is known by name: every prefix {@link IsolatedCatalog} applied and every
 * topic and subscription {@link EmulatorPubSub#isolated} created. A prefix meant to outlive its
 * class (the system tests' one shared system) is applied with {@link IsolatedCatalog#applyForRun}
 * and deleted by its owner with {@link #delete(String)}.
 */
public final class EmulatorResources {

  private static final Set<String> PREFIXES = ConcurrentHashMap.newKeySet();
  private static final Set<String> NAMES = ConcurrentHashMap.newKeySet();

  private EmulatorResources() {}

  /** Topics and subscriptions named {@code prefix...} go when the current test class ends. */
  static void atClassEnd(String prefix) {
    PREFIXES.add(prefix);
  }

  /** The topic or subscription {@code name} goes when the current test class ends. */
  static void nameAtClassEnd(String name) {
    NAMES.add(name);
  }

  /** Deletes what the current test class registered (a no-op when it registered nothing). */
  static void deleteTheClasses() {
    if (PREFIXES.isEmpty() && NAMES.isEmpty()) {
      return;
    }
    Set<String> prefixes = drain(PREFIXES);
    Set<String> names = drain(NAMES);
    delete(name -> names.contains(name) || prefixes.stream().anyMatch(name::startsWith));
  }

  /** Deletes every topic and subscription named {@code prefix...} now. */
  public static void delete(String prefix) {
    delete(name -> name.startsWith(prefix));
  }

  private static void delete(Predicate<String> doomed) {
    try (EmulatorPubSub pubsub = new EmulatorPubSub()) {
      PubSubAdmin admin = pubsub.admin();
      // Subscriptions first: a subscription outlives its deleted topic (as "_deleted-topic_").
      subscriptions(admin).stream().filter(doomed).forEach(admin::deleteSubscription);
      topics(admin).stream().filter(doomed).forEach(admin::deleteTopic);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      // Left-overs cost the emulator time, not correctness: the next class still runs.
      System.err.println(
          "EmulatorResources: could not delete this class's Pub/Sub resources: " + e);
    }
  }

  /** The names (without the project) of every subscription on the emulator. */
  static List<String> subscriptions(PubSubAdmin admin) {
    return admin.listSubscriptions().stream().map(s -> shortName(s.getName())).toList();
  }

  /** The names (without the project) of every topic on the emulator. */
  static List<String> topics(PubSubAdmin admin) {
    return admin.listTopics().stream().map(t -> shortName(t.getName())).toList();
  }

  private static String shortName(String resource) {
    return resource.substring(resource.lastIndexOf('/') + 1);
  }

  private static Set<String> drain(Set<String> registered) {
    Set<String> taken = new HashSet<>(registered);
    registered.removeAll(taken);
    return taken;
  }
}
