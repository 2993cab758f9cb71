package dev.officeflow.setuppubsub;

import com.google.api.gax.rpc.AlreadyExistsException;
import com.google.api.gax.rpc.ApiException;
import com.google.api.gax.rpc.NotFoundException;
import com.google.cloud.pubsub.v1.SubscriptionAdminClient;
import com.google.cloud.pubsub.v1.TopicAdminClient;
import com.google.protobuf.FieldMask;
import com.google.pubsub.v1.DeadLetterPolicy;
import com.google.pubsub.v1.ExpirationPolicy;
import com.google.pubsub.v1.RetryPolicy;
import com.google.pubsub.v1.Subscription;
import com.google.pubsub.v1.SubscriptionName;
import com.google.pubsub.v1.TopicName;
import com.google.pubsub.v1.UpdateSubscriptionRequest;
import dev.officeflow.setuppubsub.SubscriptionSettings.Backoff;
import dev.officeflow.setuppubsub.SubscriptionSettings.DeadLetter;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * {@link PubSubResources} over Google's admin clients. Get-or-create as spring-cloud-gcp's {@code
 * PubSubAdmin} does it: {@code NOT_FOUND} on a get means missing, {@code ALREADY_EXISTS} on a
 * create means it exists; every other failure is rethrown, as a {@link SetupException} that says
 * what to do. Not thread-safe beyond what the clients are; one CLI run uses it from one thread.
 */
final class GrpcPubSubResources implements PubSubResources {

  /** Pub/Sub's documented default when a dead-letter policy leaves the attempts at 0. */
  private static final int DEFAULT_MAX_DELIVERY_ATTEMPTS = 5;

  private final String project;
  private final TopicAdminClient topics;
  private final SubscriptionAdminClient subscriptions;
  private final PubSubErrors errors;
  private final Runnable closeTransport;

  GrpcPubSubResources(
      String project,
      TopicAdminClient topics,
      SubscriptionAdminClient subscriptions,
      PubSubErrors errors,
      Runnable closeTransport) {
    this.project = project;
    this.topics = topics;
    this.subscriptions = subscriptions;
    this.errors = errors;
    this.closeTransport = closeTransport;
  }

  @Override
  public boolean topicExists(String topic) {
    try {
      topics.getTopic(topicName(topic));
      return true;
    } catch (NotFoundException e) {
      return false;
    } catch (ApiException e) {
      throw errors.translate(e, "read topic " + topic);
    }
  }

  @Override
  public Optional<SubscriptionSettings> subscription(String name) {
    try {
      return Optional.of(toSettings(name, subscriptions.getSubscription(subscriptionName(name))));
    } catch (NotFoundException e) {
      return Optional.empty();
    } catch (ApiException e) {
      throw errors.translate(e, "read subscription " + name);
    }
  }

  @Override
  public boolean createTopic(String topic) {
    try {
      topics.createTopic(topicName(topic));
      return true;
    } catch (AlreadyExistsException e) {
      return false;
    } catch (ApiException e) {
      throw errors.translate(e, "create topic " + topic);
    }
  }

  @Override
  public boolean createSubscription(SubscriptionSettings settings) {
    try {
      subscriptions.createSubscription(toProto(settings));
      return true;
    } catch (AlreadyExistsException e) {
      return false;
    } catch (ApiException e) {
      throw errors.translate(e, "create subscription " + settings.name());
    }
  }

  @Override
  public void updateSubscription(SubscriptionSettings settings, Set<Field> fields) {
    FieldMask.Builder mask = FieldMask.newBuilder();
    fields.forEach(field -> mask.addPaths(field.maskPath()));
    try {
      subscriptions.updateSubscription(
          UpdateSubscriptionRequest.newBuilder()
              .setSubscription(toProto(settings))
              .setUpdateMask(mask)
              .build());
    } catch (ApiException e) {
      throw errors.translate(e, "update subscription " + settings.name());
    }
  }

  @Override
  public void close() {
    try {
      topics.close();
      subscriptions.close();
    } finally {
      closeTransport.run();
    }
  }

  private Subscription toProto(SubscriptionSettings settings) {
    Subscription.Builder subscription =
        Subscription.newBuilder()
            .setName(subscriptionName(settings.name()))
            .setTopic(topicName(settings.topic()))
            .setAckDeadlineSeconds(Math.toIntExact(settings.ackDeadline().toSeconds()));
    settings.retry().ifPresent(backoff -> subscription.setRetryPolicy(toProto(backoff)));
    settings.retention().ifPresent(kept -> subscription.setMessageRetentionDuration(toProto(kept)));
    settings
        .deadLetter()
        .ifPresent(
            policy ->
                subscription.setDeadLetterPolicy(
                    DeadLetterPolicy.newBuilder()
                        .setDeadLetterTopic(topicName(policy.topic()))
                        .setMaxDeliveryAttempts(policy.maxDeliveryAttempts())));
    // An expiration policy without a TTL is how Pub/Sub spells "never expires".
    ExpirationPolicy.Builder expiration = ExpirationPolicy.newBuilder();
    settings.expiration().ifPresent(ttl -> expiration.setTtl(toProto(ttl)));
    return subscription.setExpirationPolicy(expiration).build();
  }

  private static RetryPolicy toProto(Backoff backoff) {
    return RetryPolicy.newBuilder()
        .setMinimumBackoff(toProto(backoff.minimum()))
        .setMaximumBackoff(toProto(backoff.maximum()))
        .build();
  }

  private SubscriptionSettings toSettings(String name, Subscription subscription) {
    return new SubscriptionSettings(
        name,
        shortTopic(subscription.getTopic()),
        Duration.ofSeconds(subscription.getAckDeadlineSeconds()),
        subscription.hasRetryPolicy()
            ? Optional.of(
                new Backoff(
                    toDuration(subscription.getRetryPolicy().getMinimumBackoff()),
                    toDuration(subscription.getRetryPolicy().getMaximumBackoff())))
            : Optional.empty(),
        deadLetter(subscription),
        expiration(subscription),
        subscription.hasMessageRetentionDuration()
            ? Optional.of(toDuration(subscription.getMessageRetentionDuration()))
            : Optional.empty());
  }

  private Optional<DeadLetter> deadLetter(Subscription subscription) {
    DeadLetterPolicy policy = subscription.getDeadLetterPolicy();
    if (!subscription.hasDeadLetterPolicy() || policy.getDeadLetterTopic().isEmpty()) {
      return Optional.empty();
    }
    int attempts = policy.getMaxDeliveryAttempts();
    return Optional.of(
        new DeadLetter(
            shortTopic(policy.getDeadLetterTopic()),
            attempts == 0 ? DEFAULT_MAX_DELIVERY_ATTEMPTS : attempts));
  }

  // No policy at all means Pub/Sub's default TTL (the emulator reports none; real Pub/Sub reports
  // the 31 days); a policy without a TTL means never.
  private static Optional<Duration> expiration(Subscription subscription) {
    if (!subscription.hasExpirationPolicy()) {
      return Optional.of(SubscriptionSettings.DEFAULT_EXPIRATION);
    }
    ExpirationPolicy policy = subscription.getExpirationPolicy();
    return policy.hasTtl() ? Optional.of(toDuration(policy.getTtl())) : Optional.empty();
  }

  /** {@code emails} for a topic of this project; the full path (or {@code _deleted-topic_}). */
  private String shortTopic(String path) {
    String ownPrefix = "projects/" + project + "/topics/";
    return path.startsWith(ownPrefix) ? path.substring(ownPrefix.length()) : path;
  }

  private String topicName(String topic) {
    return TopicName.of(project, topic).toString();
  }

  private String subscriptionName(String subscription) {
    return SubscriptionName.of(project, subscription).toString();
  }

  private static com.google.protobuf.Duration toProto(Duration duration) {
    return com.google.protobuf.Duration.newBuilder()
        .setSeconds(duration.getSeconds())
        .setNanos(duration.getNano())
        .build();
  }

  private static Duration toDuration(com.google.protobuf.Duration duration) {
    return Duration.ofSeconds(duration.getSeconds(), duration.getNanos());
  }
}
