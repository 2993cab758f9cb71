package dev.officeflow.runtime.testing;

import com.google.cloud.spring.pubsub.PubSubAdmin;
import com.google.pubsub.v1.Subscription;
import com.google.pubsub.v1.Topic;
import com.google.pubsub.v1.TopicName;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Deletes the Pub/Sub topics and subscriptions a test class made on the test emulator when that
 * class ends (registered with the JUnit Platform launcher through {@code META-INF/services}, so
 * every module that has this test-jar on its classpath gets it).
 *
 * <p>Why: the emulator keeps, for every subscription until it is deleted, a thread, a timer that
 * scans its outstanding messages every second and every message published to it. The ITs of one
 * {@code ./dev test} apply the whole catalog dozens of times on one emulator and never deleted
 * anything: the office's ITs alone left about 1,400 subscriptions in their first three minutes, and
 * the modules that run last (the system tests) ran 1.5-2.5 times slower than alone.
 *
 * <p>What a class made is known by name: every prefix {@link IsolatedCatalog} applied and every
 * topic and subscription {@link EmulatorPubSub#isolated} created. A prefix meant to outlive its
 * class (the system tests' one shared system) is applied with {@link IsolatedCatalog#applyForRun}
 * and deleted by its owner with {@link #delete(String)}.
 */
public final class EmulatorCleanup implements TestExecutionListener {

  private static final Set<String> PREFIXES = ConcurrentHashMap.newKeySet();
  private static final Set<String> NAMES = ConcurrentHashMap.newKeySet();

  /** Topics and subscriptions named {@code prefix...} go when the current test class ends. */
  static void atClassEnd(String prefix) {
    PREFIXES.add(prefix);
  }

  /** The topic or subscription {@code name} goes when the current test class ends. */
  static void nameAtClassEnd(String name) {
    NAMES.add(name);
  }

  @Override
  public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
    if (isTopLevelClass(identifier) && !(PREFIXES.isEmpty() && NAMES.isEmpty())) {
      Set<String> prefixes = drain(PREFIXES);
      Set<String> names = drain(NAMES);
      delete(name -> names.contains(name) || prefixes.stream().anyMatch(name::startsWith));
    }
  }

  /** Deletes every topic and subscription named {@code prefix...} now. */
  public static void delete(String prefix) {
    delete(name -> name.startsWith(prefix));
  }

  private static void delete(Predicate<String> doomed) {
    try (EmulatorPubSub pubsub = new EmulatorPubSub()) {
      PubSubAdmin admin = pubsub.admin();
      // Subscriptions first: a subscription outlives its deleted topic (as "_deleted-topic_").
      List<String> subscriptions =
          admin.listSubscriptions().stream()
              .map(Subscription::getName)
              .map(EmulatorCleanup::shortName)
              .filter(doomed)
              .toList();
      subscriptions.forEach(admin::deleteSubscription);
      List<String> topics =
          admin.listTopics().stream()
              .map(Topic::getName)
              .map(name -> TopicName.parse(name).getTopic())
              .filter(doomed)
              .toList();
      topics.forEach(admin::deleteTopic);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      // Left-overs cost the emulator time, not correctness: the next class still runs.
      System.err.println("EmulatorCleanup: could not delete this class's Pub/Sub resources: " + e);
    }
  }

  private static String shortName(String subscription) {
    return subscription.substring(subscription.lastIndexOf('/') + 1);
  }

  private static Set<String> drain(Set<String> registered) {
    Set<String> taken = new HashSet<>(registered);
    registered.removeAll(taken);
    return taken;
  }

  /** A test class that is no nested class: what it made may go once it has finished. */
  private static boolean isTopLevelClass(TestIdentifier identifier) {
    return identifier
        .getSource()
        .filter(ClassSource.class::isInstance)
        .map(source -> ((ClassSource) source).getJavaClass().getEnclosingClass() == null)
        .orElse(false);
  }
}
