package dev.officeflow.setuppubsub;

import dev.officeflow.events.catalog.Catalog;
import dev.officeflow.events.catalog.SubscriptionSpec;
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

  /** The catalog of {@code common-events} with every name prefixed by {@code prefix}. */
  static DesiredState fromCatalog(String prefix) {
    return of(Catalog.allTopics(), Catalog.subscriptions(), prefix);
  }

  /**
   * Prefixes by renaming each spec, so the dead-letter names derived from it carry the prefix too
   * and the catalog keeps a single definition of them.
   *
   * @param allTopics event topics and dead-letter topics, as {@link Catalog#allTopics()}
   */
  static DesiredState of(List<String> allTopics, List<SubscriptionSpec> specs, String prefix) {
    List<SubscriptionSpec> renamed =
        specs.stream()
            .map(spec -> spec.renamed(prefix + spec.name(), prefix + spec.topic()))
            .toList();
    List<SubscriptionSettings> subscriptions =
        Stream.concat(
                renamed.stream().map(SubscriptionSettings::of),
                renamed.stream().map(SubscriptionSettings::deadLetterSinkOf))
            .toList();
    return new DesiredState(
        allTopics.stream().map(topic -> prefix + topic).distinct().toList(), subscriptions);
  }

  /** The subscriptions that dead-letter, i.e. those whose service agent needs IAM bindings. */
  List<SubscriptionSettings> deadLetteringSubscriptions() {
    return subscriptions.stream().filter(s -> s.deadLetter().isPresent()).toList();
  }
}
