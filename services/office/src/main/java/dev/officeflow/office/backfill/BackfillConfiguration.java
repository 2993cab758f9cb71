package dev.officeflow.office.backfill;

import dev.officeflow.office.adapter.ProviderClient;
import dev.officeflow.office.backfill.store.CoverageStore;
import dev.officeflow.office.backfill.store.JobRepository;
import dev.officeflow.office.backfill.web.BackfillController;
import dev.officeflow.runtime.config.RuntimeProperties;
import dev.officeflow.runtime.publish.EventPublisher;
import dev.officeflow.runtime.security.InternalAccess;
import io.opentelemetry.api.OpenTelemetry;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.r2dbc.core.DatabaseClient;

/** The backfill feature's beans. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BackfillSettings.class)
@Import(BackfillController.class)
class BackfillConfiguration {

  /** Backfill control is for operators (and the demo, which is one). */
  @Bean
  InternalAccess backfillControlAccess() {
    return InternalAccess.of("/internal/backfill/**", InternalAccess.OPERATOR);
  }

  @Bean
  JobRepository jobRepository(DatabaseClient db) {
    return new JobRepository(db);
  }

  @Bean
  CoverageStore coverageStore(DatabaseClient db) {
    return new CoverageStore(db);
  }

  @Bean
  Backlog backfillBacklog() {
    return new Backlog();
  }

  /** Every provider adapter's sources (the beans each declares). */
  @Bean
  BackfillSources backfillSources(List<BackfillSource> sources) {
    return new BackfillSources(sources);
  }

  @Bean
  BackfillRunner backfillRunner(
      JobRepository repository,
      CoverageStore coverage,
      Backlog backlog,
      List<ProviderClient> clients,
      BackfillSources sources,
      EventPublisher publisher,
      RuntimeProperties runtime,
      BackfillSettings settings,
      Clock clock,
      ApplicationEventPublisher applicationEvents,
      OpenTelemetry openTelemetry) {
    Map<String, ProviderClient> byProvider =
        clients.stream().collect(Collectors.toMap(ProviderClient::provider, Function.identity()));
    BackfillEvents events =
        new BackfillEvents(runtime.service().name(), runtime.service().version(), clock);
    return new BackfillRunner(
        new BackfillRunner.Deps(
            repository,
            coverage,
            byProvider,
            sources,
            publisher,
            events,
            settings,
            clock,
            applicationEvents::publishEvent,
            openTelemetry.getTracer("dev.officeflow.office.backfill"),
            backlog::othersWaiting));
  }

  @Bean
  JobScheduler jobScheduler(
      JobRepository repository, BackfillRunner runner, BackfillSettings settings, Backlog backlog) {
    String owner = settings.instanceId().isBlank() ? instanceId() : settings.instanceId();
    return new JobScheduler(repository, runner, settings, owner, backlog);
  }

  @Bean
  BackfillService backfillService(
      JobRepository repository,
      CoverageStore coverage,
      JobScheduler scheduler,
      BackfillRunner runner,
      BackfillSettings settings,
      BackfillSources sources,
      Clock clock) {
    return new BackfillService(
        repository, coverage, scheduler, runner, settings, sources.providers(), clock);
  }

  @Bean
  IntegrationEventHandler integrationEventHandler(
      BackfillService service, ApplicationEventPublisher applicationEvents) {
    return new IntegrationEventHandler(service, applicationEvents);
  }

  /** Host, process and a random suffix: a restarted process is a new owner. */
  private static String instanceId() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "office";
    }
    long pid = ProcessHandle.current().pid();
    return host + "-" + pid + "-" + UUID.randomUUID().toString().substring(0, 6);
  }
}
