package dev.officeflow.runtime.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.officeflow.events.catalog.Catalog;
import dev.officeflow.events.catalog.SubscriptionSpec;
import dev.officeflow.testsupport.IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestIdentifier;

/**
 * What a test class made on the emulator goes when that class ends, and only then; a catalog
 * applied for the whole run stays until its owner deletes it.
 */
@IntegrationTest
class EmulatorCleanupIT {

  private static EmulatorPubSub pubsub;
  private final EmulatorCleanup listener = new EmulatorCleanup();

  @BeforeAll
  static void connect() {
    pubsub = new EmulatorPubSub();
  }

  @AfterAll
  static void close() throws InterruptedException {
    pubsub.close();
  }

  @Test
  void aClassesCatalogAndIsolatedSubscriptionsGoWhenTheClassEndsNotBefore() {
    String prefix = IsolatedCatalog.apply();
    SubscriptionSpec isolated = pubsub.isolated(Catalog.subscriptions().get(0));
    String shared = IsolatedCatalog.applyForRun();
    assertThat(subscriptions(prefix)).isNotEmpty();
    assertThat(topics(prefix)).isNotEmpty();

    listener.executionFinished(finished(Nested.class), TestExecutionResult.successful());
    assertThat(subscriptions(prefix)).as("a nested class ended, not the test class").isNotEmpty();
    assertThat(subscriptions(isolated.name())).isNotEmpty();

    listener.executionFinished(finished(EmulatorCleanupIT.class), TestExecutionResult.successful());
    assertThat(subscriptions(prefix)).isEmpty();
    assertThat(topics(prefix)).isEmpty();
    assertThat(subscriptions(isolated.name())).isEmpty();
    assertThat(subscriptions(isolated.deadLetterSubscription())).isEmpty();
    assertThat(topics(isolated.topic())).isEmpty();
    assertThat(subscriptions(shared)).as("applied for the run").isNotEmpty();

    EmulatorResources.delete(shared);
    assertThat(subscriptions(shared)).isEmpty();
    assertThat(topics(shared)).isEmpty();
  }

  private static List<String> subscriptions(String prefix) {
    return starting(prefix, EmulatorResources.subscriptions(pubsub.admin()));
  }

  private static List<String> topics(String prefix) {
    return starting(prefix, EmulatorResources.topics(pubsub.admin()));
  }

  private static List<String> starting(String prefix, List<String> names) {
    return names.stream().filter(name -> name.startsWith(prefix)).toList();
  }

  /** What the launcher reports when the tests of {@code testClass} have finished. */
  private static TestIdentifier finished(Class<?> testClass) {
    UniqueId id = UniqueId.forEngine("junit-jupiter").append("class", testClass.getName());
    return TestIdentifier.from(
        new AbstractTestDescriptor(id, testClass.getSimpleName(), ClassSource.from(testClass)) {
          @Override
          public Type getType() {
            return Type.CONTAINER;
          }
        });
  }

  /** Stands for a {@code @Nested} class of this one. */
  static final class Nested {}
}
