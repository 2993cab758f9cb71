package dev.officeflow.office.backfill;

import dev.officeflow.office.backfill.store.JobRepository;
import dev.officeflow.office.backfill.web.BackfillController;
import dev.officeflow.office.google.CalendarReader;
import dev.officeflow.office.google.GmailReader;
import dev.officeflow.office.google.GoogleApi;
import dev.officeflow.runtime.config.RuntimeProperties;
import dev.officeflow.runtime.publish.EventPublisher;
import dev.officeflow.runtime.security.InternalAccess;
import io.opentelemetry.api.OpenTelemetry;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
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
  BackfillRunner backfillRunner(
      JobRepository repository,
      GoogleApi api,
      EventPublisher publisher,
      RuntimeProperties runtime,
      BackfillSettings settings,
      Clock clock,
      ApplicationEventPublisher applicationEvents,
      OpenTelemetry openTelemetry,
      ObjectProvider<MailboxPosition> position) {
    Map<Phase, BackfillSource> sources =
        Map.of(
            Phase.CALENDAR,
            new CalendarSource(new CalendarReader(api), api.settings().calendarPageSize()),
            Phase.GMAIL,
            new GmailSource(
                new GmailReader(api),
                api.settings().bodies(),
                position.getIfAvailable(() -> MailboxPosition.NONE)));
    BackfillEvents events =
        new BackfillEvents(runtime.service().name(), runtime.service().version(), clock);
    return new BackfillRunner(
        new BackfillRunner.Deps(
            repository,
            api,
            sources,
            publisher,
            events,
            settings,
            clock,
            applicationEvents::publishEvent,
            openTelemetry.getTracer("dev.officeflow.office.backfill")));
  }

  @Bean
  JobScheduler jobScheduler(
      JobRepository repository, BackfillRunner runner, BackfillSettings settings) {
    String owner = settings.instanceId().isBlank() ? instanceId() : settings.instanceId();
    return new JobScheduler(repository, runner, settings, owner);
  }

  @Bean
  BackfillService backfillService(
      JobRepository repository, JobScheduler scheduler, BackfillSettings settings, Clock clock) {
    return new BackfillService(repository, scheduler, settings, clock);
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
