package dev.officeflow.setuppubsub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.officeflow.events.catalog.Catalog;
import dev.officeflow.setuppubsub.SubscriptionSettings.DeadLetter;
import java.util.List;
import org.junit.jupiter.api.Test;

class DesiredStateTest {

  @Test
  void withoutPrefixUsesTheCatalogNames() {
    DesiredState desired = DesiredState.fromCatalog("");

    assertThat(desired.topics()).containsExactlyElementsOf(Catalog.allTopics());
    assertThat(desired.subscriptions())
        .extracting(SubscriptionSettings::name)
        .containsAll(Catalog.subscriptions().stream().map(s -> s.name()).toList());
  }

  @Test
  void theLegacyGroupIsAddedOnlyWhenAsked() {
    DesiredState core = DesiredState.fromCatalog("p-");
    DesiredState legacy =
        DesiredState.fromCatalog("p-", SubscriptionSettings.EMULATOR_MAX_RETENTION, true);

    assertThat(core.topics()).doesNotContain("p-email-backfill");
    assertThat(legacy.topics())
        .containsAll(core.topics())
        .contains(
            "p-email-backfill",
            "p-email-updates",
            "p-calendar-updates",
            "p-contact-updates",
            "p-legacy-bridge-contact-updates-dead-letter");
    assertThat(legacy.subscriptions())
        .extracting(SubscriptionSettings::name)
        .contains("p-legacy-bridge-email-backfill", "p-legacy-bridge-email-backfill-dead-letter");
    assertThat(legacy.subscriptions())
        .hasSize(
            2
                * (Catalog.subscriptions().size()
                    + Catalog.subscriptions(Catalog.Group.LEGACY).size()));
  }

  @Test
  void theMirrorsSubscriptionsReadTheTypedTopicsOnlyWhenAsked() {
    DesiredState legacy =
        DesiredState.fromCatalog("p-", SubscriptionSettings.EMULATOR_MAX_RETENTION, true);
    DesiredState mirror =
        DesiredState.fromCatalog(
            "p-",
            SubscriptionSettings.EMULATOR_MAX_RETENTION,
            List.of(Catalog.Group.CORE, Catalog.Group.LEGACY, Catalog.Group.LEGACY_MIRROR));

    assertThat(legacy.subscriptions())
        .extracting(SubscriptionSettings::name)
        .noneMatch(name -> name.startsWith("p-legacy-mirror"));
    assertThat(mirror.subscriptions())
        .extracting(SubscriptionSettings::name)
        .containsAll(legacy.subscriptions().stream().map(SubscriptionSettings::name).toList())
        .contains(
            "p-legacy-mirror-emails",
            "p-legacy-mirror-calendars",
            "p-legacy-mirror-contacts",
            "p-legacy-mirror-emails-dead-letter");
    assertThat(mirror.subscriptions())
        .filteredOn(s -> s.name().equals("p-legacy-mirror-calendars"))
        .singleElement()
        .satisfies(s -> assertThat(s.topic()).isEqualTo("p-calendars"));
    assertThat(mirror.topics())
        .contains("p-legacy-mirror-contacts-dead-letter")
        .doesNotHaveDuplicates();
  }

  @Test
  void deadLetterSinksKeepMessagesForTheLongestTheTargetAllows() {
    assertThat(DesiredState.fromCatalog("").deadLetterSinks())
        .hasSize(Catalog.subscriptions().size())
        .allMatch(s -> s.retention().equals(java.util.Optional.of(Catalog.DEAD_LETTER_RETENTION)));
    assertThat(
            DesiredState.fromCatalog("", SubscriptionSettings.EMULATOR_MAX_RETENTION)
                .deadLetterSinks())
        .allMatch(s -> s.retention().orElseThrow().toDays() == 7);
    assertThat(DesiredState.fromCatalog("").deadLetteringSubscriptions())
        .allMatch(s -> s.retention().isEmpty());
  }

  @Test
  void prefixesEveryTopicAndSubscriptionName() {
    DesiredState desired = DesiredState.fromCatalog("it-x1-");

    assertThat(desired.topics()).allMatch(topic -> topic.startsWith("it-x1-"));
    assertThat(desired.subscriptions())
        .allMatch(s -> s.name().startsWith("it-x1-") && s.topic().startsWith("it-x1-"));
  }

  @Test
  void prefixedDeadLetterPoliciesPointAtPrefixedDeadLetterTopics() {
    SubscriptionSettings contactsEmails =
        DesiredState.fromCatalog("p-").subscriptions().stream()
            .filter(s -> s.name().equals("p-contacts-emails"))
            .findFirst()
            .orElseThrow();

    assertThat(contactsEmails.topic()).isEqualTo("p-emails");
    assertThat(contactsEmails.deadLetter())
        .contains(new DeadLetter("p-contacts-emails-dead-letter", 5));
  }

  @Test
  void everyDeadLetterTopicIsATopicAndHasASubscriptionWithoutPolicies() {
    DesiredState desired = DesiredState.fromCatalog("p-");
    List<String> deadLetterTopics =
        desired.deadLetteringSubscriptions().stream()
            .map(s -> s.deadLetter().orElseThrow().topic())
            .toList();

    assertThat(desired.topics()).containsAll(deadLetterTopics);
    assertThat(desired.subscriptions())
        .filteredOn(s -> deadLetterTopics.contains(s.topic()))
        .hasSize(deadLetterTopics.size())
        .allMatch(s -> s.name().equals(s.topic()))
        .allMatch(s -> s.deadLetter().isEmpty() && s.retry().isEmpty());
  }

  @Test
  void listsTopicsBeforeTheSubscriptionsThatNeedThem() {
    DesiredState desired = DesiredState.fromCatalog("");

    assertThat(desired.topics().size()).isEqualTo(Catalog.allTopics().size());
    assertThat(desired.subscriptions()).hasSize(2 * Catalog.subscriptions().size());
    assertThat(desired.subscriptions().subList(0, Catalog.subscriptions().size()))
        .allMatch(s -> s.deadLetter().isPresent());
  }
}
