package dev.officeflow.office.providers.microsoft.streaming;

import dev.officeflow.office.lifecycle.ProviderWatches;
import dev.officeflow.office.providers.microsoft.MicrosoftClient;
import dev.officeflow.office.providers.microsoft.StreamPositions;
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
import org.springframework.core.env.Environment;
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

  /** Delta rounds that failed after their requests' retries; each backs its resource off. */
  static final String ROUND_FAILURES = StreamingMetrics.PREFIX + "round_failures";

  // The two webhooks answer alike; annotations cannot be shared, their texts can.
  private static final String HANDSHAKE = "The handshake's token.";
  private static final String ACCEPTED = "Accepted.";
  private static final String BAD_BODY =
      "Not a notification body, or a validationToken over 1,024 characters.";
  private static final String TOO_LARGE = "A body over 1 MiB.";

  @Bean
  MicrosoftParts microsoftStreamingParts(
      DatabaseClient db,
      MicrosoftClient client,
      EventPublisher publisher,
      RuntimeProperties runtime,
      MeterRegistry registry,
      MicrosoftStreamingSettings settings,
      Clock clock,
      Environment environment) {
    WebhookUrl.check(settings.webhookBaseUrl(), environment);
    String instance = settings.instanceId().isBlank() ? instanceId() : settings.instanceId();
    ClientGraphCalls graph = new ClientGraphCalls(client);
    DeltaStore deltas = new DeltaStore(db);
    SubscriptionStore subscriptions = new SubscriptionStore(db);
    StreamingMetrics metrics = new StreamingMetrics(registry, MicrosoftStreamSource.NAME);
    ChangeMappings mappings =
        new MappedChanges(runtime.service().name(), runtime.service().version(), clock);
    DeltaReader reader = new DeltaReader(settings.pageSize());
    Counter roundFailures =
        Counter.builder(ROUND_FAILURES)
            .tag("source", MicrosoftStreamSource.NAME)
            .register(registry);
    DeltaSyncer syncer =
        new DeltaSyncer(
            deltas,
            graph,
            reader,
            mappings,
            publisher,
            metrics,
            settings,
            clock,
            instance,
            roundFailures);
    SubscriptionKeeper keeper =
        new SubscriptionKeeper(deltas, subscriptions, metrics, settings, clock, instance);
    Counter forged =
        Counter.builder(FORGED).tag("source", MicrosoftStreamSource.NAME).register(registry);
    NotificationHandler handler =
        new NotificationHandler(subscriptions, keeper, syncer, graph, metrics, forged);
    MicrosoftStreamSource source =
        new MicrosoftStreamSource(deltas, subscriptions, keeper, syncer, graph, settings);
    DeltaPositions positions = new DeltaPositions(deltas, graph, reader, settings, clock);
    return new MicrosoftParts(source, handler, positions);
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

  /** The backfill's Microsoft sources take streaming's start through this before they read. */
  @Bean
  StreamPositions microsoftStreamPositions(MicrosoftParts parts) {
    return parts.positions();
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
                        + " the decoded token comes back as text/plain (nosniff). Otherwise a"
                        + " changeNotificationCollection whose every notification must name a"
                        + " known subscription and carry its clientState; each asks for a delta"
                        + " round of its user and resource, which runs after the answer.",
                parameters =
                    @Parameter(name = "validationToken", in = ParameterIn.QUERY, required = false),
                responses = {
                  @ApiResponse(responseCode = "200", description = HANDSHAKE),
                  @ApiResponse(responseCode = "202", description = ACCEPTED),
                  @ApiResponse(responseCode = "400", description = BAD_BODY),
                  @ApiResponse(
                      responseCode = "401",
                      description =
                          "A notification with an unknown subscription or a wrong clientState;"
                              + " it changes nothing."),
                  @ApiResponse(responseCode = "413", description = TOO_LARGE)
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
                  @ApiResponse(responseCode = "200", description = HANDSHAKE),
                  @ApiResponse(responseCode = "202", description = ACCEPTED),
                  @ApiResponse(responseCode = "400", description = BAD_BODY),
                  @ApiResponse(responseCode = "401", description = "Refused; nothing runs."),
                  @ApiResponse(responseCode = "413", description = TOO_LARGE)
                }))
  })
  RouterFunction<ServerResponse> microsoftWebhookRoutes(MicrosoftParts parts) {
    NotificationWebhook webhook = new NotificationWebhook(parts.handler());
    return RouterFunctions.route(
            RequestPredicates.POST(NotificationWebhook.NOTIFICATIONS), webhook::notifications)
        .andRoute(RequestPredicates.POST(NotificationWebhook.LIFECYCLE), webhook::lifecycle);
  }

  /** The feature's inner pieces, wired once. */
  record MicrosoftParts(
      MicrosoftStreamSource source, NotificationHandler handler, DeltaPositions positions) {}

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
