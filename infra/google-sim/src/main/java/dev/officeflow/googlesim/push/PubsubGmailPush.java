package dev.officeflow.googlesim.push;

import com.google.api.core.ApiFutureCallback;
import com.google.api.core.ApiFutures;
import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.grpc.GrpcTransportChannel;
import com.google.api.gax.rpc.FixedTransportChannelProvider;
import com.google.api.gax.rpc.TransportChannelProvider;
import com.google.cloud.pubsub.v1.Publisher;
import com.google.common.util.concurrent.MoreExecutors;
import com.google.protobuf.ByteString;
import com.google.pubsub.v1.PubsubMessage;
import com.google.pubsub.v1.TopicName;
import dev.officeflow.googlesim.admin.StatsRecorder;
import dev.officeflow.googlesim.gmail.GmailWatch;
import dev.officeflow.googlesim.gmail.Mailbox;
import dev.officeflow.googlesim.gmail.MailboxChange;
import dev.officeflow.simkit.web.Json;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Publishes Gmail's push notification to the watch's topic on the emulator: data is the JSON {@code
 * {"emailAddress": ..., "historyId": N}}, no attributes, like Gmail.
 */
public final class PubsubGmailPush implements GmailPush {

  private static final System.Logger LOG = System.getLogger(PubsubGmailPush.class.getName());

  private final ManagedChannel channel;
  private final TransportChannelProvider transport;
  private final Map<String, Publisher> publishers = new ConcurrentHashMap<>();
  private final StatsRecorder stats;

  public PubsubGmailPush(PubsubTarget target, StatsRecorder stats) {
    this.channel = ManagedChannelBuilder.forTarget(target.host()).usePlaintext().build();
    this.transport = FixedTransportChannelProvider.create(GrpcTransportChannel.create(channel));
    this.stats = stats;
  }

  @Override
  public void changed(Mailbox mailbox, MailboxChange change) {
    Optional<GmailWatch> watch = mailbox.activeWatch();
    if (watch.isEmpty() || !watch.get().covers(change.labels())) {
      return;
    }
    byte[] data =
        Json.bytes(
            Json.object()
                .put("emailAddress", change.emailAddress())
                .put("historyId", change.historyId()));
    PubsubMessage message = PubsubMessage.newBuilder().setData(ByteString.copyFrom(data)).build();
    ApiFutures.addCallback(
        publisher(watch.get().topicName()).publish(message),
        new ApiFutureCallback<String>() {
          @Override
          public void onSuccess(String id) {
            stats.gmailNotification();
          }

          @Override
          public void onFailure(Throwable t) {
            stats.notificationFailure();
            LOG.log(
                System.Logger.Level.WARNING,
                "gmail push to " + watch.get().topicName() + " failed: " + t.getMessage());
          }
        },
        MoreExecutors.directExecutor());
  }

  private Publisher publisher(String topicName) {
    return publishers.computeIfAbsent(topicName, this::newPublisher);
  }

  private Publisher newPublisher(String topicName) {
    try {
      return Publisher.newBuilder(TopicName.parse(topicName))
          .setChannelProvider(transport)
          .setCredentialsProvider(NoCredentialsProvider.create())
          .build();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot publish to " + topicName, e);
    }
  }

  @Override
  public void close() {
    for (Publisher p : publishers.values()) {
      p.shutdown();
      try {
        p.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    channel.shutdownNow();
  }
}
