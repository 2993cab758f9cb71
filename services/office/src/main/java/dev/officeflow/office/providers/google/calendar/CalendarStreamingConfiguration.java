package dev.officeflow.office.providers.google.calendar;

import dev.officeflow.office.lifecycle.ProviderWatches;
import dev.officeflow.office.providers.google.GoogleApi;
import dev.officeflow.office.streaming.StreamingMetrics;
import dev.officeflow.runtime.config.RuntimeProperties;
import dev.officeflow.runtime.publish.EventPublisher;
import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.UUID;
import org.springdoc.core.annotations.RouterOperation;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Calendar streaming's beans; off with {@code officeflow.office.streaming.calendar.enabled=false}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CalendarStreamingSettings.class)
@ConditionalOnProperty(
    prefix = "officeflow.office.streaming.calendar",
    name = "enabled",
    matchIfMissing = true)
class CalendarStreamingConfiguration {

  @Bean
  CalendarParts calendarStreamingParts(
      DatabaseClient db,
      GoogleApi api,
      EventPublisher publisher,
      RuntimeProperties runtime,
      MeterRegistry registry,
      CalendarStreamingSettings settings,
      Clock clock) {
    String instance = settings.instanceId().isBlank() ? instanceId() : settings.instanceId();
    SyncStore store = new SyncStore(db);
    ChannelStore channels = new ChannelStore(db);
    CalendarCalls calls = new CalendarCalls(api);
    CalendarDirectory directory =
        new CalendarDirectory(api, CalendarSelection.of(api.settings().calendars()));
    StreamingMetrics metrics = new StreamingMetrics(registry, "calendar");
    ChangeEvents events =
        new ChangeEvents(runtime.service().name(), runtime.service().version(), clock);
    CalendarSyncer syncer =
        new CalendarSyncer(store, calls, events, publisher, metrics, settings, clock, instance);
    ChannelKeeper keeper =
        new ChannelKeeper(store, channels, calls, metrics, settings, clock, instance);
    return new CalendarParts(store, channels, syncer, keeper, calls, directory, metrics);
  }

  @Bean
  CalendarScheduler calendarScheduler(
      CalendarParts parts, CalendarStreamingSettings settings, Clock clock) {
    return new CalendarScheduler(parts.store(), parts.keeper(), parts.syncer(), settings, clock);
  }

  /** The purge stops a deleted user's channels through this (ARCHITECTURE §2, flow 6). */
  @Bean
  ProviderWatches calendarProviderWatches(CalendarLifecycle lifecycle) {
    return lifecycle::purge;
  }

  @Bean
  CalendarLifecycle calendarLifecycle(CalendarParts parts) {
    return new CalendarLifecycle(parts.store(), parts.keeper());
  }

  /** What the streaming reconciler starts, repairs and renews. */
  @Bean
  CalendarStreamSource calendarStreamSource(
      CalendarParts parts, CalendarStreamingSettings settings, Clock clock) {
    return new CalendarStreamSource(
        parts.store(),
        parts.keeper(),
        parts.syncer(),
        parts.calls(),
        parts.directory(),
        settings,
        clock);
  }

  @Bean
  @RouterOperation(
      path = CalendarWebhook.PATH,
      method = RequestMethod.POST,
      operation =
          @Operation(
              operationId = "calendarNotification",
              tags = "webhooks",
              summary = "Google Calendar's channel notifications",
              description =
                  "Public: Google sends no credential. A call must name a known channel and carry"
                      + " its secret token. A `sync` message only confirms a new channel; any"
                      + " other state asks for a listing, which runs after the answer.",
              parameters = {
                @Parameter(name = "X-Goog-Channel-ID", in = ParameterIn.HEADER, required = true),
                @Parameter(
                    name = "X-Goog-Channel-Token",
                    in = ParameterIn.HEADER,
                    required = true,
                    description = "The channel's secret, compared in constant time."),
                @Parameter(
                    name = "X-Goog-Resource-State",
                    in = ParameterIn.HEADER,
                    required = true,
                    description = "`sync`, `exists` or `not_exists`.")
              },
              responses = {
                @ApiResponse(responseCode = "204", description = "Accepted."),
                @ApiResponse(
                    responseCode = "401",
                    description =
                        "A header missing, an unknown channel or a wrong token; an empty body,"
                            + " and nothing runs.")
              }))
  RouterFunction<ServerResponse> calendarWebhookRoute(CalendarParts parts) {
    CalendarWebhook webhook =
        new CalendarWebhook(parts.channels(), parts.syncer(), parts.metrics());
    return RouterFunctions.route(RequestPredicates.POST(CalendarWebhook.PATH), webhook::handle);
  }

  /** The feature's inner pieces, wired once. */
  record CalendarParts(
      SyncStore store,
      ChannelStore channels,
      CalendarSyncer syncer,
      ChannelKeeper keeper,
      CalendarCalls calls,
      CalendarDirectory directory,
      StreamingMetrics metrics) {}

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
