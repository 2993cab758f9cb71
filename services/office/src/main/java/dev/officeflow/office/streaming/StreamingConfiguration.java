package dev.officeflow.office.streaming;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The streaming reconciler's beans. The sources are whatever streaming features are enabled ({@code
 * streaming.gmail}, {@code streaming.calendar}); with none, it has nothing to do.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReconcilerSettings.class)
class StreamingConfiguration {

  @Bean
  TargetStore streamingTargetStore(DatabaseClient db) {
    return new TargetStore(db);
  }

  @Bean
  StreamingReconciler streamingReconciler(
      TargetStore store,
      ObjectProvider<StreamSource> sources,
      ReconcilerSettings settings,
      MeterRegistry registry,
      Clock clock) {
    String owner = settings.instanceId().isBlank() ? instanceId() : settings.instanceId();
    return new StreamingReconciler(
        store, sources.orderedStream().toList(), settings, registry, clock, owner);
  }

  @Bean
  TargetLifecycle streamingTargetLifecycle(TargetStore store, StreamingReconciler reconciler) {
    return new TargetLifecycle(store, reconciler);
  }

  /** Host, process and a random suffix: a restarted process is a new lease owner. */
  private static String instanceId() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "office";
    }
    return host
        + "-"
        + ProcessHandle.current().pid()
        + "-"
        + UUID.randomUUID().toString().substring(0, 6);
  }
}
