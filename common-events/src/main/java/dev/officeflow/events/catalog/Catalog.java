package dev.officeflow.events.catalog;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Every topic and subscription of ARCHITECTURE §3: the single source for {@code setup-pubsub} and
 * for the services' consumers. Adding a consumer means adding its subscriptions here.
 */
public final class Catalog {

  public static final String USER = "user";
  public static final String OFFICE = "office";
  public static final String CONTACTS_SERVICE = "contacts";
  public static final String VESPA_LOADER = "vespa-loader";
  public static final String NOTIFIER = "notifier";
  public static final String LEGACY_BRIDGE = "legacy-bridge";

  /**
   * The parts of the catalog. {@link #topics()}, {@link #subscriptions()} and {@link #allTopics()}
   * are the {@code CORE}, what every deployment has; the {@code LEGACY} group exists only while the
   * reference services still publish their deprecated shapes, so setup-pubsub applies it only when
   * asked ({@code --legacy}). {@code LEGACY_MIRROR} is the mirror's subscriptions on the typed
   * topics, applied only with {@code --legacy-mirror} (which brings {@code LEGACY} too): a
   * subscription nobody reads keeps its messages for its whole retention, and the mirror is off
   * unless a consumer of the legacy topics still needs it. Lookups by name ({@link
   * #subscription(String)}, {@link #deadLetterSource}) search every group.
   */
  public enum Group {
    CORE,
    LEGACY,
    LEGACY_MIRROR
  }

  /** Five deliveries, then the dead-letter topic (ARCHITECTURE §3). */
  public static final int MAX_DELIVERY_ATTEMPTS = 5;

  /**
   * How long a dead-letter subscription keeps a message: the longest Pub/Sub allows on a
   * subscription, 31 days (the emulator allows 7; setup-pubsub caps it there). On the subscription
   * and not as topic retention: a topic keeps its messages after they are acked, so a purged user's
   * dead letters would stay that long and a seek could bring them back.
   */
  public static final Duration DEAD_LETTER_RETENTION = Duration.ofDays(31);

  private static final Duration MIN_BACKOFF = Duration.ofSeconds(1);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(60);

  private static final List<String> TOPICS =
      List.of(
          Topics.INTEGRATIONS,
          Topics.USERS,
          Topics.EMAILS,
          Topics.CALENDARS,
          Topics.CONTACTS,
          Topics.DOCUMENTS,
          Topics.TODOS,
          Topics.PROGRESS,
          Topics.GMAIL_PUSH);

  /** The reference services' deprecated topics (issue 25), read by the legacy bridge. */
  private static final List<String> LEGACY_TOPICS =
      List.of(
          Topics.EMAIL_BACKFILL,
          Topics.EMAIL_UPDATES,
          Topics.CALENDAR_UPDATES,
          Topics.CONTACT_UPDATES);

  // A batch of fifty items is fifty publishes: 60 s leaves room for a slow publisher.
  private static final List<SubscriptionSpec> LEGACY_SUBSCRIPTIONS =
      LEGACY_TOPICS.stream().map(topic -> spec(LEGACY_BRIDGE, topic, 60)).toList();

  /**
   * The mirror's subscriptions (issue 25): the legacy bridge republishes officeflow's typed events
   * in the deprecated shapes for the reference consumers not yet migrated. Named {@code
   * legacy-mirror-<topic>} so an operator tells them from the bridge's; consumed by the
   * legacy-bridge service. One typed event is one legacy publish: 30 s is ample.
   */
  private static final List<SubscriptionSpec> LEGACY_MIRROR_SUBSCRIPTIONS =
      Stream.of(Topics.EMAILS, Topics.CALENDARS, Topics.CONTACTS)
          .map(topic -> spec("legacy-mirror-" + topic, LEGACY_BRIDGE, topic, 30))
          .toList();

  // Ack deadlines fit the handlers: starting a backfill or reading Gmail history calls a provider
  // (10 s per request, 3 retries), the fan-out consumers write to a store.
  private static final List<SubscriptionSpec> SUBSCRIPTIONS =
      List.of(
          spec(OFFICE, Topics.INTEGRATIONS, 60),
          spec(OFFICE, Topics.USERS, 60),
          spec(OFFICE, Topics.GMAIL_PUSH, 60),
          spec(CONTACTS_SERVICE, Topics.INTEGRATIONS, 30),
          spec(CONTACTS_SERVICE, Topics.USERS, 60),
          spec(CONTACTS_SERVICE, Topics.EMAILS, 30),
          spec(CONTACTS_SERVICE, Topics.CALENDARS, 30),
          spec(VESPA_LOADER, Topics.USERS, 60),
          spec(VESPA_LOADER, Topics.EMAILS, 30),
          spec(VESPA_LOADER, Topics.CALENDARS, 30),
          spec(VESPA_LOADER, Topics.CONTACTS, 30),
          spec(VESPA_LOADER, Topics.DOCUMENTS, 30),
          spec(VESPA_LOADER, Topics.TODOS, 30),
          spec(USER, Topics.PROGRESS, 30),
          spec(CONTACTS_SERVICE, Topics.PROGRESS, 30),
          // The notifier's subscriptions are shared by all its instances: each event is handled
          // once and reaches the instance holding the user's streams through Redis
          // (services/notifier/README.md "Several instances").
          spec(NOTIFIER, Topics.PROGRESS, 30),
          spec(NOTIFIER, Topics.EMAILS, 30),
          spec(NOTIFIER, Topics.CALENDARS, 30),
          spec(NOTIFIER, Topics.CONTACTS, 30),
          spec(NOTIFIER, Topics.INTEGRATIONS, 30),
          spec(NOTIFIER, Topics.USERS, 60));

  /**
   * Who publishes on each topic (the catalog's consumers are in the subscriptions). {@code
   * gmail-push} is Gmail's; {@code documents} and {@code todos} have no publisher yet. {@code
   * contacts} has two: the contacts service (contacts discovered from mail) and the office
   * (provider address books).
   */
  private static final Map<String, List<String>> PUBLISHERS =
      Map.of(
          Topics.INTEGRATIONS, List.of(USER),
          Topics.USERS, List.of(USER),
          Topics.EMAILS, List.of(OFFICE),
          Topics.CALENDARS, List.of(OFFICE),
          Topics.CONTACTS, List.of(CONTACTS_SERVICE, OFFICE),
          Topics.PROGRESS, List.of(OFFICE));

  /**
   * Who of ours publishes on each topic because of the legacy group: the bridge, each legacy item
   * as a typed event. The legacy topics themselves are the reference services'.
   */
  private static final Map<String, List<String>> LEGACY_PUBLISHERS =
      Map.of(
          Topics.EMAILS, List.of(LEGACY_BRIDGE),
          Topics.CALENDARS, List.of(LEGACY_BRIDGE),
          Topics.CONTACTS, List.of(LEGACY_BRIDGE));

  /** What the mirror publishes: each typed event in its deprecated shape on its legacy topic. */
  private static final Map<String, List<String>> LEGACY_MIRROR_PUBLISHERS =
      Map.of(
          Topics.EMAIL_BACKFILL, List.of(LEGACY_BRIDGE),
          Topics.EMAIL_UPDATES, List.of(LEGACY_BRIDGE),
          Topics.CALENDAR_UPDATES, List.of(LEGACY_BRIDGE),
          Topics.CONTACT_UPDATES, List.of(LEGACY_BRIDGE));

  /** The address Gmail's {@code users.watch} publishes from, onto {@code gmail-push}. */
  public static final String GMAIL_PUSH_PUBLISHER = "gmail-api-push@system.gserviceaccount.com";

  private Catalog() {}

  /** The services that publish on {@code topic}, in a stable order; empty if none of ours does. */
  public static List<String> publishersOf(String topic) {
    return PUBLISHERS.getOrDefault(topic, List.of());
  }

  /** The services that publish on {@code topic} because of {@code group}; empty if none. */
  public static List<String> publishersOf(String topic, Group group) {
    return switch (group) {
      case CORE -> publishersOf(topic);
      case LEGACY -> LEGACY_PUBLISHERS.getOrDefault(topic, List.of());
      case LEGACY_MIRROR -> LEGACY_MIRROR_PUBLISHERS.getOrDefault(topic, List.of());
    };
  }

  /**
   * The services that only {@code group} brings: none for the core's own, the bridge for legacy.
   */
  public static List<String> services(Group group) {
    return group == Group.CORE ? services() : List.of(LEGACY_BRIDGE);
  }

  /** Every service of the core that publishes or consumes, in a stable order. */
  public static List<String> services() {
    return Stream.concat(
            PUBLISHERS.values().stream().flatMap(List::stream),
            SUBSCRIPTIONS.stream().map(SubscriptionSpec::consumer))
        .distinct()
        .sorted()
        .toList();
  }

  /** The core's event topics, without dead-letter topics. */
  public static List<String> topics() {
    return TOPICS;
  }

  /** The core's subscriptions. */
  public static List<SubscriptionSpec> subscriptions() {
    return SUBSCRIPTIONS;
  }

  /** The core's event topics followed by every core subscription's dead-letter topic. */
  public static List<String> allTopics() {
    return allTopics(Group.CORE);
  }

  /**
   * The event topics of {@code group}, without dead-letter topics. The mirror's group has none of
   * its own: it reads the core's typed topics and writes the legacy group's.
   */
  public static List<String> topics(Group group) {
    return switch (group) {
      case CORE -> TOPICS;
      case LEGACY -> LEGACY_TOPICS;
      case LEGACY_MIRROR -> List.of();
    };
  }

  /** The subscriptions of {@code group}. */
  public static List<SubscriptionSpec> subscriptions(Group group) {
    return switch (group) {
      case CORE -> SUBSCRIPTIONS;
      case LEGACY -> LEGACY_SUBSCRIPTIONS;
      case LEGACY_MIRROR -> LEGACY_MIRROR_SUBSCRIPTIONS;
    };
  }

  /** The event topics of {@code group} followed by its subscriptions' dead-letter topics. */
  public static List<String> allTopics(Group group) {
    return Stream.concat(
            topics(group).stream(),
            subscriptions(group).stream().map(SubscriptionSpec::deadLetterTopic))
        .toList();
  }

  /** The subscriptions of {@code consumer}, in every group. */
  public static List<SubscriptionSpec> subscriptionsOf(String consumer) {
    return everySubscription().filter(s -> s.consumer().equals(consumer)).toList();
  }

  public static Optional<SubscriptionSpec> subscription(String name) {
    return everySubscription().filter(s -> s.name().equals(name)).findFirst();
  }

  /** The subscription whose dead letters {@code deadLetterSubscription} keeps. */
  public static Optional<SubscriptionSpec> deadLetterSource(String deadLetterSubscription) {
    return everySubscription()
        .filter(s -> s.deadLetterSubscription().equals(deadLetterSubscription))
        .findFirst();
  }

  /** The subscription of {@code consumer} on {@code topic}, named {@code <consumer>-<topic>}. */
  public static SubscriptionSpec subscription(String consumer, String topic) {
    return subscription(consumer + "-" + topic)
        .orElseThrow(
            () -> new IllegalArgumentException("no subscription of " + consumer + " on " + topic));
  }

  private static Stream<SubscriptionSpec> everySubscription() {
    return Stream.of(SUBSCRIPTIONS, LEGACY_SUBSCRIPTIONS, LEGACY_MIRROR_SUBSCRIPTIONS)
        .flatMap(List::stream);
  }

  private static SubscriptionSpec spec(String consumer, String topic, int ackDeadlineSeconds) {
    return spec(consumer + "-" + topic, consumer, topic, ackDeadlineSeconds);
  }

  private static SubscriptionSpec spec(
      String name, String consumer, String topic, int ackDeadlineSeconds) {
    return new SubscriptionSpec(
        name,
        topic,
        consumer,
        Duration.ofSeconds(ackDeadlineSeconds),
        MIN_BACKOFF,
        MAX_BACKOFF,
        MAX_DELIVERY_ATTEMPTS);
  }
}
