package dev.officeflow.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.pubsub.v1.PubsubMessage;
import dev.officeflow.events.EventType;
import dev.officeflow.events.catalog.Topics;
import dev.officeflow.events.reference.ReferenceSchemas;
import dev.officeflow.runtime.testing.EmulatorPubSub;
import dev.officeflow.testsupport.IntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Issue 17, acceptance 1: a real backfill's events, captured from the topics as any subscriber sees
 * them, are all read by the reference's pydantic models (their hand-written schemas in the
 * common-events test-jar accept every one). Prints the counts, so they can be quoted.
 */
@IntegrationTest
@ExtendWith(SharedSystem.class)
class ReferenceContractSystemIT {

  private static final Duration PATIENCE = Duration.ofMinutes(4);
  private static final Duration STABLE = Duration.ofSeconds(5);
  private static final Set<String> ACTIVE = Set.of("queued", "running");
  private static final ReferenceSchemas SCHEMAS = ReferenceSchemas.load();

  private static OfficeflowSystem system;
  private static SystemClient client;
  private static EmulatorPubSub pubsub;

  @BeforeAll
  static void start(OfficeflowSystem running) {
    system = running;
    client = new SystemClient(system);
    pubsub = new EmulatorPubSub();
  }

  @AfterAll
  static void stop() throws InterruptedException {
    pubsub.close();
  }

  @Test
  void everyEventOfABackfillIsReadByTheReferenceModels() {
    try (EmulatorPubSub.Collector emails = collect(Topics.EMAILS);
        EmulatorPubSub.Collector calendars = collect(Topics.CALENDARS)) {
      String userId = client.connect(SystemAccounts.RHEA);
      JsonNode job = finishedJob(userId);
      assertThat(job.path("status").asString()).as(job.toString()).isEqualTo("completed");
      long published = job.path("progress").path("published").asLong();

      // Everything the job published has arrived, and nothing new comes for a while. Pub/Sub
      // delivers at least once (a loaded emulator redelivers what it thinks was not acked in
      // time), so the events are counted by their ids, and every delivery is checked.
      await().atMost(PATIENCE).until(() -> distinct(emails, calendars, userId) >= published);
      long arrived = distinct(emails, calendars, userId);
      await()
          .during(STABLE)
          .atMost(STABLE.multipliedBy(2))
          .until(() -> distinct(emails, calendars, userId) == arrived);
      List<JsonNode> mail = of(emails, userId);
      List<JsonNode> meetings = of(calendars, userId);

      List<String> refused = new ArrayList<>();
      mail.forEach(event -> refused.addAll(errors(EventType.EMAIL, event)));
      meetings.forEach(event -> refused.addAll(errors(EventType.CALENDAR, event)));
      report(published, mail, meetings, refused);
      assertThat(eventIds(mail).size() + eventIds(meetings).size())
          .as("distinct events captured")
          .isEqualTo(published);
      assertThat(refused).as("what the reference models refuse").isEmpty();
      assertThat(eventIds(mail)).hasSizeGreaterThanOrEqualTo(SystemAccounts.REFERENCE_MAILBOX);
      assertThat(meetings).isNotEmpty();
    }
  }

  /** A test-owned subscription on the run's {@code topic}, collecting from now on. */
  private static EmulatorPubSub.Collector collect(String topic) {
    String subscription = system.prefix() + "system-tests-reference-" + topic;
    pubsub.admin().createSubscription(subscription, system.prefix() + topic);
    return pubsub.collect(subscription);
  }

  private static JsonNode finishedJob(String userId) {
    return await()
        .atMost(PATIENCE)
        .until(
            () -> client.jobs(userId),
            jobs -> !jobs.isEmpty() && !ACTIVE.contains(jobs.get(0).path("status").asString()))
        .get(0);
  }

  private static long distinct(
      EmulatorPubSub.Collector emails, EmulatorPubSub.Collector calendars, String userId) {
    return eventIds(of(emails, userId)).size() + eventIds(of(calendars, userId)).size();
  }

  private static Set<String> eventIds(List<JsonNode> events) {
    return events.stream()
        .map(event -> event.path("metadata").path("event_id").asString())
        .collect(Collectors.toSet());
  }

  /** The user's messages, as the JSON of their data. */
  private static List<JsonNode> of(EmulatorPubSub.Collector collector, String userId) {
    return collector.messages().stream()
        .map(PubsubMessage::getData)
        .map(data -> Http.JSON.readTree(data.toByteArray()))
        .filter(event -> userId.equals(event.path("user_id").asString()))
        .toList();
  }

  private static List<String> errors(EventType type, JsonNode event) {
    String id = event.path("metadata").path("event_id").asString();
    return SCHEMAS.errors(type, event).stream().map(e -> type + " " + id + ": " + e).toList();
  }

  private static void report(
      long published, List<JsonNode> mail, List<JsonNode> meetings, List<String> refused) {
    System.out.printf(
        "reference contract: the backfill published %d events; captured %d emails (%d deliveries,"
            + " %d with a payload_ref) and %d calendar events (%d deliveries, %d with a"
            + " payload_ref, %d recurring); %d refusals by the reference-derived schemas%n",
        published,
        eventIds(mail).size(),
        mail.size(),
        withPointer(mail),
        eventIds(meetings).size(),
        meetings.size(),
        withPointer(meetings),
        meetings.stream().filter(e -> e.path("event").path("recurrence").isObject()).count(),
        refused.size());
  }

  private static long withPointer(List<JsonNode> events) {
    return events.stream().filter(e -> e.path("payload_ref").isObject()).count();
  }
}
