package dev.officeflow.office.providers.google.gmail;

import com.google.cloud.spring.core.GcpProjectIdProvider;
import dev.officeflow.events.catalog.Topics;
import dev.officeflow.office.backfill.BackfillService;
import dev.officeflow.office.lifecycle.ProviderWatches;
import dev.officeflow.office.providers.google.GoogleApi;
import dev.officeflow.office.streaming.StreamingMetrics;
import dev.officeflow.runtime.config.RuntimeProperties;
import dev.officeflow.runtime.publish.EventPublisher;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

/** The Gmail streaming feature's beans (off with {@code ...streaming.gmail.enabled=false}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GmailStreamingSettings.class)
@ConditionalOnProperty(
    prefix = "officeflow.office.streaming.gmail",
    name = "enabled",
    matchIfMissing = true)
class GmailStreamingConfiguration {

  @Bean
  GmailClient gmailStreamingClient(GoogleApi api) {
    return new GmailClient(api);
  }

  @Bean
  WatchStore gmailWatchStore(DatabaseClient db) {
    return new WatchStore(db);
  }

  @Bean
  StreamingMetrics gmailStreamingMetrics(MeterRegistry registry) {
    return new StreamingMetrics(registry, "gmail");
  }

  @Bean
  Sessions gmailStreamingSessions(GoogleApi api) {
    return new Sessions(api);
  }

  @Bean
  UserSyncs gmailUserSyncs(
      GmailClient client,
      GoogleApi api,
      Sessions sessions,
      WatchStore store,
      EventPublisher publisher,
      RuntimeProperties runtime,
      StreamingMetrics metrics,
      GmailStreamingSettings settings,
      BackfillService backfill,
      Clock clock) {
    StreamingEvents events =
        new StreamingEvents(runtime.service().name(), runtime.service().version(), clock);
    HistorySync.Deps deps =
        new HistorySync.Deps(
            client,
            new GmailReader(api),
            sessions,
            store,
            publisher,
            events,
            metrics,
            settings,
            api.settings().bodies(),
            clock);
    HistorySync sync = new HistorySync(deps, new Resyncs(backfill, store, metrics));
    return new UserSyncs(sync::sync, metrics);
  }

  @Bean
  GmailStreams gmailStreams(
      GmailClient client,
      Sessions sessions,
      WatchStore store,
      UserSyncs syncs,
      StreamingMetrics metrics,
      GmailStreamingSettings settings,
      RuntimeProperties runtime,
      GcpProjectIdProvider project,
      Clock clock) {
    String topic =
        settings.topic().isBlank()
            ? "projects/"
                + project.getProjectId()
                + "/topics/"
                + runtime.pubsub().prefix()
                + Topics.GMAIL_PUSH
            : settings.topic();
    return new GmailStreams(client, sessions, store, syncs, metrics, topic, clock);
  }

  @Bean
  GmailPushHandler gmailPushHandler(WatchStore store, UserSyncs syncs, StreamingMetrics metrics) {
    return new GmailPushHandler(store, syncs, metrics);
  }

  /** The purge stops a deleted user's watch through this (ARCHITECTURE §2, flow 6). */
  @Bean
  ProviderWatches gmailProviderWatches(GmailStreams streams) {
    return streams::stopForPurge;
  }

  @Bean
  StreamingLifecycle gmailStreamingLifecycle(GmailStreams streams) {
    return new StreamingLifecycle(streams);
  }

  @Bean
  StreamingScheduler gmailStreamingScheduler(
      WatchStore store, UserSyncs syncs, GmailStreamingSettings settings, Clock clock) {
    return new StreamingScheduler(store, syncs, settings, clock);
  }

  /** What the streaming reconciler starts, repairs and renews. */
  @Bean
  GmailStreamSource gmailStreamSource(
      GmailStreams streams, WatchStore store, GmailStreamingSettings settings) {
    return new GmailStreamSource(streams, store, settings);
  }
}
