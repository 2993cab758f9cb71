package dev.officeflow.vespaloader.feed;

import ai.vespa.feed.client.FeedClient;
import ai.vespa.feed.client.FeedClientBuilder;
import dev.officeflow.events.CalendarEvent;
import dev.officeflow.events.ContactEvent;
import dev.officeflow.events.DocumentEvent;
import dev.officeflow.events.EmailEvent;
import dev.officeflow.events.EventType;
import dev.officeflow.events.TodoEvent;
import dev.officeflow.runtime.forget.ForgottenUsers;
import dev.officeflow.vespaloader.document.DocumentFactory;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The feed client, the document handlers of the five data event types, and the health check. The
 * handlers' {@link ForgottenUsers} is the purge feature's record in Vespa.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FeedSettings.class)
class FeedConfiguration {

  /** How long operations fail fast after the feed client could not be built. */
  private static final Duration REBUILD_BACKOFF = Duration.ofSeconds(1);

  @Bean
  DocumentFactory documentFactory(FeedSettings settings) {
    return new DocumentFactory(settings.namespace());
  }

  @Bean(destroyMethod = "close")
  FeedClients feedClients(FeedSettings settings, Clock clock) {
    return new FeedClients(() -> feedClient(settings), clock, REBUILD_BACKOFF);
  }

  @Bean
  VespaFeeder vespaFeeder(FeedClients clients, FeedSettings settings) {
    return new VespaFeeder(clients, settings.operationTimeout(), settings.retryDelay());
  }

  /** Plain HTTP for what the feed client does not do: group deletes and the health check. */
  @Bean
  HttpClient vespaHttpClient(FeedSettings settings) {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(settings.healthTimeout())
        .build();
  }

  @Bean
  VespaHealthIndicator vespaHealthIndicator(
      HttpClient vespaHttpClient, FeedClients clients, FeedSettings settings) {
    return new VespaHealthIndicator(
        vespaHttpClient, clients, settings.endpoint(), settings.healthTimeout());
  }

  @Bean
  DocumentHandler<EmailEvent> emailDocuments(
      DocumentFactory factory, VespaFeeder feeder, ForgottenUsers forgotten, Clock clock) {
    return new DocumentHandler<>(EventType.EMAIL, factory, feeder, forgotten, clock);
  }

  @Bean
  DocumentHandler<CalendarEvent> calendarDocuments(
      DocumentFactory factory, VespaFeeder feeder, ForgottenUsers forgotten, Clock clock) {
    return new DocumentHandler<>(EventType.CALENDAR, factory, feeder, forgotten, clock);
  }

  @Bean
  DocumentHandler<ContactEvent> contactDocuments(
      DocumentFactory factory, VespaFeeder feeder, ForgottenUsers forgotten, Clock clock) {
    return new DocumentHandler<>(EventType.CONTACT, factory, feeder, forgotten, clock);
  }

  @Bean
  DocumentHandler<DocumentEvent> officeDocuments(
      DocumentFactory factory, VespaFeeder feeder, ForgottenUsers forgotten, Clock clock) {
    return new DocumentHandler<>(EventType.DOCUMENT, factory, feeder, forgotten, clock);
  }

  @Bean
  DocumentHandler<TodoEvent> todoDocuments(
      DocumentFactory factory, VespaFeeder feeder, ForgottenUsers forgotten, Clock clock) {
    return new DocumentHandler<>(EventType.TODO, factory, feeder, forgotten, clock);
  }

  static FeedClient feedClient(FeedSettings settings) {
    return FeedClientBuilder.create(settings.endpoints())
        .setConnectionsPerEndpoint(settings.connectionsPerEndpoint())
        .setMaxStreamPerConnection(settings.streamsPerConnection())
        .setInitialInflightFactor(settings.initialInflightFactor())
        .setCompression(settings.compression())
        .build();
  }
}
