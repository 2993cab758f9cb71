package dev.officeflow.office.providers.microsoft.streaming;

import dev.officeflow.office.lifecycle.ProviderWatches;
import dev.officeflow.office.providers.microsoft.MicrosoftClient;
import dev.officeflow.office.streaming.StreamingMetrics;
import dev.officeflow.runtime.config.RuntimeProperties;
import dev.officeflow.runtime.publish.EventPublisher;
import io.micrometer.core.instrument.Counter;
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
import org.springdoc.core.annotations.RouterOperations;
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
 * Microsoft streaming's beans; off with {@code
 * officeflow.office.streaming.microsoft.enabled=false}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MicrosoftStreamingSettings.class)
@ConditionalOnProperty(
    prefix = "officeflow.office.streaming.microsoft",
    name = "enabled",
    matchIfMissing = true)
class MicrosoftStreamingConfiguration {

  /** Notifications refused: unknown subscription or wrong {@code clientState}. */
  static final String FORGED = StreamingMetrics.PREFIX + "forged";

  @Bean
  MicrosoftParts microsoftStreamingParts(
      DatabaseClient db,
      MicrosoftClient client,
      EventPublisher publisher,
      RuntimeProperties runtime,
      MeterRegistry registry,
      MicrosoftStreamingSettings settings,
      Clock clock) {
    String instance = settings.instanceId().isBlank() ? instanceId() : settings.instanceId();
    GraphCalls graph = new ClientGraphCalls(client);
    DeltaStore deltas = new DeltaStore(db);
    SubscriptionStore subscriptions = new SubscriptionStore(db);
    StreamingMetrics metrics = new StreamingMetrics(registry, MicrosoftStreamSource.NAME);
    ChangeMappings mappings =
        new MappedChanges(runtime.service().name(), runtime.service().version(), clock);
    DeltaSyncer syncer =
        new DeltaSyncer(
            deltas,
            graph,
            new DeltaReader(settings.pageSize()),
            mappings,
            publisher,
            metrics,
            settings,
            clock,
            instance);
    SubscriptionKeeper keeper =
        new SubscriptionKeeper(deltas, subscriptions, metrics, settings, clock, instance);
    Counter forged =
        Counter.builder(FORGED).tag("source", MicrosoftStreamSource.NAME).register(registry);
    NotificationHandler handler =
        new NotificationHandler(subscriptions, keeper, syncer, graph, metrics, forged);
    MicrosoftStreamSource source =
        new MicrosoftStreamSource(deltas, subscriptions, keeper, syncer, graph, settings);
    return new MicrosoftParts(source, handler);
  }

  /** What the streaming reconciler starts, repairs and renews. */
  @Bean
  MicrosoftStreamSource microsoftStreamSource(MicrosoftParts parts) {
    return parts.source();
  }

  /** The purge deletes a deleted user's subscriptions through this (ARCHITECTURE §2, flow 6). */
  @Bean
  ProviderWatches microsoftProviderWatches(MicrosoftParts parts) {
    return parts.source()::purge;
  }

  @Bean
  MicrosoftStreamingLifecycle microsoftStreamingLifecycle(MicrosoftParts parts) {
    return new MicrosoftStreamingLifecycle(parts.source());
  }

  @Bean
  @RouterOperations({
    @RouterOperation(
        path = NotificationWebhook.NOTIFICATIONS,
        method = RequestMethod.POST,
        operation =
            @Operation(
                operationId = "microsoftNotification",
                tags = "webhooks",
                summary = "Microsoft Graph's change notifications",
                description =
                    "Public: Graph sends no credential. With `validationToken`, Graph's handshake:"
                        + " the decoded token comes back as text/plain. Otherwise a"
                        + " changeNotificationCollection whose every notification must name a"
                        + " known subscription and carry its clientState; each asks for a delta"
                        + " round of its user and resource, which runs after the answer.",
                parameters =
                    @Parameter(name = "validationToken", in = ParameterIn.QUERY, required = false),
                responses = {
                  @ApiResponse(responseCode = "200", description = "The handshake's token."),
                  @ApiResponse(responseCode = "202", description = "Accepted."),
                  @ApiResponse(responseCode = "400", description = "Not a notification body."),
                  @ApiResponse(
                      responseCode = "401",
                      description =
                          "A notification with an unknown subscription or a wrong clientState;"
                              + " it changes nothing.")
                })),
    @RouterOperation(
        path = NotificationWebhook.LIFECYCLE,
        method = RequestMethod.POST,
        operation =
            @Operation(
                operationId = "microsoftLifecycleNotification",
                tags = "webhooks",
                summary = "Microsoft Graph's lifecycle notifications",
                description =
                    "As the change notifications, checked the same way: reauthorizationRequired"
                        + " reauthorizes and renews the subscription, subscriptionRemoved creates"
                        + " another and reads what was missed, missed reads by delta.",
                parameters =
                    @Parameter(name = "validationToken", in = ParameterIn.QUERY, required = false),
                responses = {
                  @ApiResponse(responseCode = "200", description = "The handshake's token."),
                  @ApiResponse(responseCode = "202", description = "Accepted."),
                  @ApiResponse(responseCode = "400", description = "Not a notification body."),
                  @ApiResponse(responseCode = "401", description = "Refused; nothing runs.")
                }))
  })
  RouterFunction<ServerResponse> microsoftWebhookRoutes(MicrosoftParts parts) {
    NotificationWebhook webhook = new NotificationWebhook(parts.handler());
    return RouterFunctions.route(
            RequestPredicates.POST(NotificationWebhook.NOTIFICATIONS), webhook::notifications)
        .andRoute(RequestPredicates.POST(NotificationWebhook.LIFECYCLE), webhook::lifecycle);
  }

  /** The feature's inner pieces, wired once. */
  record MicrosoftParts(MicrosoftStreamSource source, NotificationHandler handler) {}

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
