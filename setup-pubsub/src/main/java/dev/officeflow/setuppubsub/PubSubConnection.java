package dev.officeflow.setuppubsub;

import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.grpc.GrpcTransportChannel;
import com.google.api.gax.retrying.RetrySettings;
import com.google.api.gax.rpc.FixedTransportChannelProvider;
import com.google.api.gax.rpc.StatusCode;
import com.google.api.gax.rpc.UnaryCallSettings;
import com.google.cloud.pubsub.v1.SubscriptionAdminClient;
import com.google.cloud.pubsub.v1.SubscriptionAdminSettings;
import com.google.cloud.pubsub.v1.TopicAdminClient;
import com.google.cloud.pubsub.v1.TopicAdminSettings;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/** Opens {@link GrpcPubSubResources} on the emulator or on real Pub/Sub. */
final class PubSubConnection {

  /** A local emulator accepts at once; longer means it is not there. */
  static final Duration EMULATOR_CONNECT_TIMEOUT = Duration.ofSeconds(2);

  // The clients' defaults retry an unreachable server for a minute per call; a CLI should say so
  // within seconds.
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(20);
  private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(10);

  private PubSubConnection() {}

  /**
   * The largest response a pull may return, what Google's own subscriber allows: a dead letter
   * keeps a body of up to Pub/Sub's 10 MB, and a scan must not hold more than this at once.
   */
  static final int MAX_INBOUND_MESSAGE_BYTES = 20 * 1024 * 1024;

  /** Builds one kind of client from the two admin clients. */
  @FunctionalInterface
  interface Clients<T> {
    T create(
        TopicAdminClient topics,
        SubscriptionAdminClient subscriptions,
        PubSubErrors errors,
        Runnable closeTransport);
  }

  static GrpcPubSubResources open(Options options) {
    return open(
        options.emulator(),
        options.project(),
        (topics, subscriptions, errors, close) ->
            new GrpcPubSubResources(options.project(), topics, subscriptions, errors, close));
  }

  /** The emulator when given, else real Pub/Sub with Application Default Credentials. */
  static <T> T open(Optional<HostPort> emulator, String project, Clients<T> clients) {
    return emulator
        .map(host -> emulator(host, project, clients))
        .orElseGet(() -> cloud(project, clients));
  }

  /**
   * Checks that the emulator accepts a TCP connection first: gRPC would otherwise retry a refused
   * connection until the call times out.
   */
  private static <T> T emulator(HostPort emulator, String project, Clients<T> clients) {
    PubSubErrors errors = PubSubErrors.forEmulator(project, emulator);
    probe(emulator, errors);
    ManagedChannel channel =
        ManagedChannelBuilder.forTarget(emulator.toString())
            .usePlaintext()
            .maxInboundMessageSize(MAX_INBOUND_MESSAGE_BYTES)
            .build();
    FixedTransportChannelProvider transport =
        FixedTransportChannelProvider.create(GrpcTransportChannel.create(channel));
    try {
      TopicAdminSettings.Builder topics =
          TopicAdminSettings.newBuilder()
              .setTransportChannelProvider(transport)
              .setCredentialsProvider(NoCredentialsProvider.create());
      SubscriptionAdminSettings.Builder subscriptions =
          SubscriptionAdminSettings.newBuilder()
              .setTransportChannelProvider(transport)
              .setCredentialsProvider(NoCredentialsProvider.create());
      // The fixed channel is not closed by the clients, so the resources close it.
      return connect(project, topics, subscriptions, errors, () -> shutdown(channel), clients);
    } catch (RuntimeException e) {
      shutdown(channel);
      throw e;
    }
  }

  /** Real Pub/Sub with Application Default Credentials. */
  private static <T> T cloud(String project, Clients<T> clients) {
    SubscriptionAdminSettings.Builder subscriptions = SubscriptionAdminSettings.newBuilder();
    subscriptions.setTransportChannelProvider(
        SubscriptionAdminSettings.defaultGrpcTransportProviderBuilder()
            .setMaxInboundMessageSize(MAX_INBOUND_MESSAGE_BYTES)
            .build());
    return connect(
        project,
        TopicAdminSettings.newBuilder(),
        subscriptions,
        PubSubErrors.forCloud(project),
        () -> {},
        clients);
  }

  private static <T> T connect(
      String project,
      TopicAdminSettings.Builder topics,
      SubscriptionAdminSettings.Builder subscriptions,
      PubSubErrors errors,
      Runnable closeTransport,
      Clients<T> clients) {
    topics.applyToAllUnaryMethods(PubSubConnection::bounded);
    subscriptions.applyToAllUnaryMethods(PubSubConnection::bounded);
    // A pull is retried only when Pub/Sub was unreachable: a retried pull leases further messages
    // and a too-large response would only repeat (DeadLetterScan falls back to one at a time).
    subscriptions.pullSettings().setRetryableCodes(StatusCode.Code.UNAVAILABLE);
    @Nullable TopicAdminClient topicClient = null;
    try {
      topicClient = TopicAdminClient.create(topics.build());
      SubscriptionAdminClient subscriptionClient =
          SubscriptionAdminClient.create(subscriptions.build());
      return clients.create(topicClient, subscriptionClient, errors, closeTransport);
    } catch (IOException e) {
      if (topicClient != null) {
        topicClient.close();
      }
      // Creating a client fails with an IOException when Application Default Credentials are
      // missing; on the emulator, NoCredentialsProvider never does.
      throw new SetupException(
          ExitStatus.PERMISSION_DENIED,
          "no Google credentials for projects/"
              + project
              + ": run gcloud auth application-default login, or pass --emulator HOST:PORT"
              + " (the client said: "
              + e.getMessage()
              + ")",
          e);
    }
  }

  private static @Nullable Void bounded(UnaryCallSettings.Builder<?, ?> call) {
    RetrySettings retry = call.getRetrySettings();
    call.setRetrySettings(
        retry.toBuilder()
            .setTotalTimeoutDuration(CALL_TIMEOUT)
            .setInitialRpcTimeoutDuration(ATTEMPT_TIMEOUT)
            .setMaxRpcTimeoutDuration(ATTEMPT_TIMEOUT)
            .build());
    return null;
  }

  private static void probe(HostPort emulator, PubSubErrors errors) {
    try (Socket socket = new Socket()) {
      socket.connect(
          new InetSocketAddress(emulator.host(), emulator.port()),
          Math.toIntExact(EMULATOR_CONNECT_TIMEOUT.toMillis()));
    } catch (IOException e) {
      throw errors.unreachable(reason(e), e);
    }
  }

  /** {@code connection refused}, {@code connect timed out}, {@code unknown host foo}. */
  static String reason(IOException e) {
    String message = e.getMessage();
    if (e instanceof UnknownHostException) {
      return "unknown host " + message;
    }
    if (message == null || message.isBlank()) {
      return e.getClass().getSimpleName();
    }
    return message.substring(0, 1).toLowerCase(Locale.ROOT) + message.substring(1);
  }

  private static void shutdown(ManagedChannel channel) {
    channel.shutdown();
    try {
      if (!channel.awaitTermination(5, TimeUnit.SECONDS)) {
        channel.shutdownNow();
      }
    } catch (InterruptedException e) {
      channel.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
