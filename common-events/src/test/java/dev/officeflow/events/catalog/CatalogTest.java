package dev.officeflow.events.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.officeflow.events.EventType;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CatalogTest {

  @Test
  void everyDeadLetterSubscriptionLeadsBackToTheSubscriptionItServes() {
    for (SubscriptionSpec spec : Catalog.subscriptions()) {
      assertThat(Catalog.deadLetterSource(spec.deadLetterSubscription())).contains(spec);
    }
    assertThat(Catalog.deadLetterSource("contacts-emails")).isEmpty();
  }

  @Test
  void everySubscriptionReadsACatalogTopic() {
    assertThat(Catalog.subscriptions())
        .allSatisfy(s -> assertThat(Catalog.topics()).contains(s.topic()));
  }

  @Test
  void subscriptionsFollowArchitectureTable() {
    assertThat(Catalog.subscriptions())
        .extracting(SubscriptionSpec::name)
        .containsExactlyInAnyOrder(
            "office-integrations",
            "contacts-integrations",
            "office-users",
            "contacts-users",
            "vespa-loader-users",
            "contacts-emails",
            "vespa-loader-emails",
            "contacts-calendars",
            "vespa-loader-calendars",
            "vespa-loader-contacts",
            "vespa-loader-documents",
            "vespa-loader-todos",
            "user-progress",
            "contacts-progress",
            "office-gmail-push",
            "notifier-progress",
            "notifier-emails",
            "notifier-calendars",
            "notifier-contacts",
            "notifier-integrations",
            "notifier-users");
  }

  @Test
  void everySubscriptionDeadLettersAfterFiveAttemptsToItsOwnTopic() {
    assertThat(Catalog.subscriptions())
        .allSatisfy(
            s -> {
              assertThat(s.maxDeliveryAttempts()).isEqualTo(5);
              assertThat(s.deadLetterTopic()).isEqualTo(s.name() + "-dead-letter");
              assertThat(Catalog.allTopics()).contains(s.deadLetterTopic());
            });
  }

  @Test
  void everyEventTypeHasACatalogTopic() {
    for (EventType type : EventType.values()) {
      assertThat(Catalog.topics()).contains(type.topic());
    }
  }

  @Test
  void progressIsTheOfficesAndReadByTheUserAndContactsServices() {
    assertThat(Catalog.publishersOf(Topics.PROGRESS)).containsExactly(Catalog.OFFICE);
    assertThat(Catalog.subscription(Catalog.USER, Topics.PROGRESS).name())
        .isEqualTo("user-progress");
    assertThat(Catalog.subscription(Catalog.CONTACTS_SERVICE, Topics.PROGRESS).name())
        .isEqualTo("contacts-progress");
    assertThat(Catalog.allTopics())
        .contains("user-progress-dead-letter", "contacts-progress-dead-letter");
    assertThat(EventType.ofTopic(Topics.PROGRESS)).contains(EventType.PROGRESS);
  }

  @Test
  void theNotifierReadsEveryTopicAPageIsToldAboutAndTheUsers() {
    assertThat(Catalog.subscriptionsOf(Catalog.NOTIFIER))
        .extracting(SubscriptionSpec::topic)
        .containsExactlyInAnyOrder(
            Topics.PROGRESS,
            Topics.EMAILS,
            Topics.CALENDARS,
            Topics.CONTACTS,
            Topics.INTEGRATIONS,
            Topics.USERS);
    assertThat(Catalog.services()).contains(Catalog.NOTIFIER);
    assertThat(Catalog.allTopics()).contains("notifier-progress-dead-letter");
  }

  @Test
  void theLegacyGroupIsTheReferenceTopicsEachReadByTheBridgeWithItsDeadLetterTopic() {
    assertThat(Catalog.topics(Catalog.Group.LEGACY))
        .containsExactly("email-backfill", "email-updates", "calendar-updates", "contact-updates");
    assertThat(Catalog.subscriptions(Catalog.Group.LEGACY))
        .extracting(SubscriptionSpec::name)
        .containsExactly(
            "legacy-bridge-email-backfill",
            "legacy-bridge-email-updates",
            "legacy-bridge-calendar-updates",
            "legacy-bridge-contact-updates");
    assertThat(Catalog.allTopics(Catalog.Group.LEGACY))
        .contains("legacy-bridge-email-backfill-dead-letter");
    assertThat(Catalog.subscription("legacy-bridge-contact-updates")).isPresent();
    assertThat(Catalog.deadLetterSource("legacy-bridge-email-updates-dead-letter")).isPresent();
    assertThat(Catalog.publishersOf(Topics.EMAILS, Catalog.Group.LEGACY))
        .containsExactly(Catalog.LEGACY_BRIDGE);
    assertThat(Catalog.publishersOf(Topics.EMAIL_BACKFILL, Catalog.Group.LEGACY)).isEmpty();
    assertThat(Catalog.services(Catalog.Group.LEGACY)).containsExactly(Catalog.LEGACY_BRIDGE);
  }

  @Test
  void theMirrorGroupIsTheBridgesSubscriptionsOnTheTypedTopicsPublishingTheLegacyOnes() {
    assertThat(Catalog.topics(Catalog.Group.LEGACY_MIRROR)).isEmpty();
    assertThat(Catalog.subscriptions(Catalog.Group.LEGACY_MIRROR))
        .extracting(SubscriptionSpec::name, SubscriptionSpec::topic, SubscriptionSpec::consumer)
        .containsExactly(
            tuple("legacy-mirror-emails", "emails", Catalog.LEGACY_BRIDGE),
            tuple("legacy-mirror-calendars", "calendars", Catalog.LEGACY_BRIDGE),
            tuple("legacy-mirror-contacts", "contacts", Catalog.LEGACY_BRIDGE));
    assertThat(Catalog.allTopics(Catalog.Group.LEGACY_MIRROR))
        .containsExactly(
            "legacy-mirror-emails-dead-letter",
            "legacy-mirror-calendars-dead-letter",
            "legacy-mirror-contacts-dead-letter");
    assertThat(Catalog.deadLetterSource("legacy-mirror-emails-dead-letter")).isPresent();
    assertThat(Catalog.publishersOf(Topics.EMAIL_UPDATES, Catalog.Group.LEGACY_MIRROR))
        .containsExactly(Catalog.LEGACY_BRIDGE);
    assertThat(Catalog.publishersOf(Topics.EMAILS, Catalog.Group.LEGACY_MIRROR)).isEmpty();
    assertThat(Catalog.subscriptions(Catalog.Group.LEGACY))
        .noneMatch(s -> s.topic().equals("emails"));
    assertThat(Catalog.services(Catalog.Group.LEGACY_MIRROR))
        .containsExactly(Catalog.LEGACY_BRIDGE);
  }

  @Test
  void theCoreKnowsNothingOfTheLegacyGroupSoDeploymentsWithoutItAreUnchanged() {
    assertThat(Catalog.topics()).doesNotContain("email-backfill");
    assertThat(Catalog.allTopics()).noneMatch(topic -> topic.startsWith(Catalog.LEGACY_BRIDGE));
    assertThat(Catalog.subscriptions()).noneMatch(s -> s.consumer().equals(Catalog.LEGACY_BRIDGE));
    assertThat(Catalog.services()).doesNotContain(Catalog.LEGACY_BRIDGE);
    assertThat(Catalog.allTopics(Catalog.Group.CORE)).isEqualTo(Catalog.allTopics());
    assertThat(Catalog.publishersOf(Topics.EMAILS)).doesNotContain(Catalog.LEGACY_BRIDGE);
  }

  @Test
  void ackDeadlineOutsidePubSubLimitsIsRejected() {
    assertThatThrownBy(
            () ->
                new SubscriptionSpec(
                    "s", "t", "c", Duration.ofSeconds(5), Duration.ZERO, Duration.ZERO, 5))
        .hasMessageContaining("ack deadline");
  }

  @Test
  void consumerSubscriptionIsFoundByConsumerAndTopic() {
    assertThat(Catalog.subscription(Catalog.VESPA_LOADER, Topics.EMAILS).name())
        .isEqualTo("vespa-loader-emails");
    assertThat(Catalog.subscriptionsOf(Catalog.OFFICE)).hasSize(3);
  }
}
