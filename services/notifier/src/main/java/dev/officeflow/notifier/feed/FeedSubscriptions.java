package dev.officeflow.notifier.feed;

import com.google.api.gax.rpc.AlreadyExistsException;
import com.google.cloud.spring.pubsub.PubSubAdmin;
import com.google.protobuf.util.Durations;
import com.google.pubsub.v1.DeadLetterPolicy;
import com.google.pubsub.v1.ExpirationPolicy;
import com.google.pubsub.v1.ProjectSubscriptionName;
import com.google.pubsub.v1.PubsubMessage;
import com.google.pubsub.v1.RetryPolicy;
import com.google.pubsub.v1.Subscription;
import com.google.pubsub.v1.TopicName;
import dev.officeflow.events.catalog.Catalog;
import dev.officeflow.events.catalog.SubscriptionSpec;
import dev.officeflow.events.catalog.Topics;
import dev.officeflow.runtime.consume.ConsumerRuntime;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Consumes the notifier's topics through one subscription per topic that every instance shares
 * ({@code notifier-<topic>}): each event is handled once, by any instance, and reaches the
 * instances that hold its user's streams through Redis (ARCHITECTURE §14 "Several instances").
 * {@code notifier-users} is the forget feature's, started by services-common. The subscriptions are
 * the catalog's, created by setup-pubsub (Terraform in production) like every other; only when
 * asked ({@code create-subscriptions}, for a deployment without them) does it create what is
 * missing first, with the catalog's settings, no expiry, and a retention of its own, since old
 * notifications are worthless.
 */
final class FeedSubscriptions implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(FeedSubscriptions.class);

  /**
   * The topics the catalog has the notifier read, but {@code users}: a deleted user is handled by
   * the forget feature's {@code EventHandler}, which services-common's runtime starts itself.
   */
  static final List<String> TOPICS =
      Catalog.subscriptionsOf(Catalog.NOTIFIER).stream()
          .map(SubscriptionSpec::topic)
          .filter(topic -> !topic.equals(Topics.USERS))
          .toList();

  private final ConsumerRuntime runtime;
  private final PubSubAdmin admin;
  private final String projectId;
  private final String prefix;
  private final FeedSettings settings;
  private final Function<SubscriptionSpec, FeedHandler> handlers;
  private volatile boolean running;

  FeedSubscriptions(
      ConsumerRuntime runtime,
      PubSubAdmin admin,
      String projectId,
      String prefix,
      FeedSettings settings,
      Function<SubscriptionSpec, FeedHandler> handlers) {
    this.runtime = runtime;
    this.admin = admin;
    this.projectId = projectId;
    this.prefix = prefix;
    this.settings = settings;
    this.handlers = handlers;
  }

  /** The catalog's {@code notifier-<topic>} under the deployment's prefix. */
  static SubscriptionSpec spec(String prefix, String topic) {
    SubscriptionSpec spec = Catalog.subscription(Catalog.NOTIFIER, topic);
    return spec.renamed(prefix + spec.name(), prefix + spec.topic());
  }

  @Override
  public void start() {
    if (settings.createSubscriptions()) {
      Catalog.subscriptionsOf(Catalog.NOTIFIER).forEach(s -> ensure(spec(prefix, s.topic())));
    }
    // The first message's attributes build Pub/Sub's whole protobuf descriptor graph (a class
    // initializer, hundreds of ms of CPU) while every stream's receiving thread waits on it: a
    // backlog of seconds at the first load (bench/notifier). Built here, before any stream opens.
    PubsubMessage.getDescriptor();
    for (String topic : TOPICS) {
      SubscriptionSpec spec = spec(prefix, topic);
      runtime.start(spec, handlers.apply(spec));
    }
    running = true;
  }

  /**
   * Before services-common's handler lifecycle (the default phase), so that the subscriptions it
   * starts ({@code notifier-users}) exist when this creates them.
   */
  @Override
  public int getPhase() {
    return DEFAULT_PHASE - 1;
  }

  private void ensure(SubscriptionSpec spec) {
    if (admin.getTopic(spec.deadLetterTopic()) == null) {
      ignoreExisting(() -> admin.createTopic(spec.deadLetterTopic()));
    }
    if (admin.getSubscription(spec.deadLetterSubscription()) == null) {
      ignoreExisting(
          () -> admin.createSubscription(spec.deadLetterSubscription(), spec.deadLetterTopic()));
    }
    if (admin.getSubscription(spec.name()) != null) {
      return;
    }
    Subscription.Builder subscription =
        Subscription.newBuilder()
            .setName(ProjectSubscriptionName.format(projectId, spec.name()))
            .setTopic(TopicName.format(projectId, spec.topic()))
            .setAckDeadlineSeconds((int) spec.ackDeadline().toSeconds())
            .setMessageRetentionDuration(Durations.fromMillis(settings.retention().toMillis()))
            .setRetryPolicy(
                RetryPolicy.newBuilder()
                    .setMinimumBackoff(Durations.fromMillis(spec.minBackoff().toMillis()))
                    .setMaximumBackoff(Durations.fromMillis(spec.maxBackoff().toMillis())))
            .setDeadLetterPolicy(
                DeadLetterPolicy.newBuilder()
                    .setDeadLetterTopic(TopicName.format(projectId, spec.deadLetterTopic()))
                    .setMaxDeliveryAttempts(spec.maxDeliveryAttempts()))
            // An empty policy: never expires (Pub/Sub's default would delete it after 31 idle
            // days).
            .setExpirationPolicy(ExpirationPolicy.getDefaultInstance());
    ignoreExisting(() -> admin.createSubscription(subscription));
    log.info("created subscription {} on {}", spec.name(), spec.topic());
  }

  /** Another instance starting at the same time may create it first. */
  private static void ignoreExisting(Runnable create) {
    try {
      create.run();
    } catch (AlreadyExistsException e) {
      log.debug("created meanwhile: {}", e.getMessage());
    }
  }

  @Override
  public void stop() {
    runtime.stop();
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
