package dev.officeflow.setuppubsub;

import dev.officeflow.events.catalog.Catalog;
import dev.officeflow.events.catalog.SubscriptionSpec;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * The topics and subscriptions the catalog asks for, under an optional name prefix, in the order
 * they must be created: topics (dead-letter topics included) before the subscriptions that name
 * them.
 */
record DesiredState(List<String> topics, List<SubscriptionSettings> subscriptions) {

  DesiredState {
    topics = List.copyOf(topics);
    subscriptions = List.copyOf(subscriptions);
  }

  /**
   * The catalog of {@code common-events} for real Pub/Sub, every name prefixed by {@code prefix}.
   */
  static DesiredState fromCatalog(String prefix) {
    return fromCatalog(prefix, Catalog.DEAD_LETTER_RETENTION);
  }

  /**
   * The catalog with the dead-letter subscriptions' retention capped at {@code maxRetention}, what
   * the target allows ({@link SubscriptionSettings#EMULATOR_MAX_RETENTION} on the emulator).
   */
  static DesiredState fromCatalog(String prefix, Duration maxRetention) {
    return fromCatalog(prefix, maxRetention, false);
  }

  /**
   * The catalog's core, and with {@code legacy} its legacy group too (the reference services'
   * deprecated topics and the bridge's subscriptions), under {@code prefix}.
   */
  static DesiredState fromCatalog(String prefix, Duration maxRetention, boolean legacy) {
    return fromCatalog(
        prefix,
        maxRetention,
        legacy ? List.of(Catalog.Group.CORE, Catalog.Group.LEGACY) : List.of(Catalog.Group.CORE));
  }

  /** The catalog's {@code groups} under {@code prefix}. */
  static DesiredState fromCatalog(
      String prefix, Duration maxRetention, List<Catalog.Group> groups) {
    Duration retention =
        Catalog.DEAD_LETTER_RETENTION.compareTo(maxRetention) <= 0
            ? Catalog.DEAD_LETTER_RETENTION
            : maxRetention;
    return of(
        groups.stream().flatMap(group -> Catalog.allTopics(group).stream()).toList(),
        groups.stream().flatMap(group -> Catalog.subscriptions(group).stream()).toList(),
        prefix,
        retention);
  }

  /** As {@link #of(List, List, String, Duration)} with the catalog's dead-letter retention. */
  static DesiredState of(List<String> allTopics, List<SubscriptionSpec> specs, String prefix) {
    return of(allTopics, specs, prefix, Catalog.DEAD_LETTER_RETENTION);
  }

  /**
   * Prefixes by renaming each spec, so the dead-letter names derived from it carry the prefix too
   * and the catalog keeps a single definition of them.
   *
   * @param allTopics event topics and dead-letter topics, as {@link Catalog#allTopics()}
   * @param deadLetterRetention the message retention of the dead-letter subscriptions
   */
  static DesiredState of(
      List<String> allTopics,
      List<SubscriptionSpec> specs,
      String prefix,
      Duration deadLetterRetention) {
    List<SubscriptionSpec> renamed =
        specs.stream()
            .map(spec -> spec.renamed(prefix + spec.name(), prefix + spec.topic()))
            .toList();
    List<SubscriptionSettings> subscriptions =
        Stream.concat(
                renamed.stream().map(SubscriptionSettings::of),
                renamed.stream()
                    .map(spec -> SubscriptionSettings.deadLetterSinkOf(spec, deadLetterRetention)))
            .toList();
    return new DesiredState(
        allTopics.stream().map(topic -> prefix + topic).distinct().toList(), subscriptions);
  }

  /** The subscriptions that dead-letter, i.e. those whose service agent needs IAM bindings. */
  List<SubscriptionSettings> deadLetteringSubscriptions() {
    return subscriptions.stream().filter(s -> s.deadLetter().isPresent()).toList();
  }

  /** The subscriptions that keep dead letters: every one that does not dead-letter itself. */
  List<SubscriptionSettings> deadLetterSinks() {
    return subscriptions.stream().filter(s -> s.deadLetter().isEmpty()).toList();
  }
}
