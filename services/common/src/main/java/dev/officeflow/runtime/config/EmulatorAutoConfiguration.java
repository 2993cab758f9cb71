package dev.officeflow.runtime.config;

import com.google.api.gax.core.CredentialsProvider;
import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.grpc.GrpcTransportChannel;
import com.google.api.gax.rpc.FixedTransportChannelProvider;
import com.google.api.gax.rpc.TransportChannelProvider;
import com.google.cloud.spring.autoconfigure.core.GcpContextAutoConfiguration;
import com.google.cloud.spring.autoconfigure.pubsub.GcpPubSubEmulatorAutoConfiguration;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import jakarta.annotation.PreDestroy;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * How the services reach the Pub/Sub emulator. Replaces spring-cloud-gcp's emulator channel, which
 * keeps gRPC's 4 MiB inbound limit: a streaming-pull response carrying one message near Pub/Sub's
 * 10 MB maximum then fails, the client reopens the stream, gets the same response, and the
 * subscription stalls for good. Against Google the subscriber's own channel allows 20 MiB; this
 * channel allows the same.
 */
@AutoConfiguration(
    before = {GcpContextAutoConfiguration.class, GcpPubSubEmulatorAutoConfiguration.class})
@ConditionalOnProperty("spring.cloud.gcp.pubsub.emulator-host")
public class EmulatorAutoConfiguration {

  /** What {@code Subscriber} sets on the channels it builds for Google itself. */
  public static final int MAX_INBOUND_MESSAGE_BYTES = 20 * 1024 * 1024;

  private ManagedChannel channel;

  /** A plaintext channel to the emulator at {@code host:port} with Google's inbound limit. */
  public static ManagedChannel channel(String emulatorHost) {
    return ManagedChannelBuilder.forTarget(emulatorHost)
        .usePlaintext()
        .maxInboundMessageSize(MAX_INBOUND_MESSAGE_BYTES)
        .build();
  }

  /** Against the emulator no Google credentials exist: looking for them logs a stack trace. */
  @Bean
  CredentialsProvider googleCredentials() {
    return NoCredentialsProvider.create();
  }

  @Bean(name = {"subscriberTransportChannelProvider", "publisherTransportChannelProvider"})
  TransportChannelProvider emulatorTransportChannelProvider(
      @Value("${spring.cloud.gcp.pubsub.emulator-host}") String emulatorHost) {
    channel = channel(emulatorHost);
    return FixedTransportChannelProvider.create(GrpcTransportChannel.create(channel));
  }

  @PreDestroy
  void closeChannel() throws InterruptedException {
    if (channel != null) {
      channel.shutdown().awaitTermination(5, TimeUnit.SECONDS);
    }
  }
}
