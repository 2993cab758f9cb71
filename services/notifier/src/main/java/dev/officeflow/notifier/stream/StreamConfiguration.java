package dev.officeflow.notifier.stream;

import dev.officeflow.notifier.stream.web.StreamRoute;
import dev.officeflow.notifier.stream.web.StreamRouteDocument;
import dev.officeflow.notifier.ticket.StreamTickets;
import dev.officeflow.runtime.forget.ForgottenUsers;
import io.lettuce.core.RedisClient;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.cors.CorsConfiguration;

/**
 * The per-user streams: the buffer in Redis, this instance's connections and {@code GET
 * /v1/stream}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StreamSettings.class)
class StreamConfiguration {

  /**
   * {@code GET /v1/stream}, beneath WebFlux and its security chain: EventSource cannot send a
   * bearer token, so the route authenticates the request by its stream ticket.
   */
  @Bean
  StreamRoute streamRoute(
      StreamTickets tickets,
      EventStream stream,
      CorsConfiguration browserCors,
      ForgottenUsers forgottenUsers) {
    return new StreamRoute(tickets, stream, browserCors, forgottenUsers);
  }

  @Bean
  StreamRouteDocument streamRouteDocument() {
    return new StreamRouteDocument();
  }

  @Bean(destroyMethod = "close")
  UserStreams userStreams(RedisClient redis, StreamSettings settings) {
    return new UserStreams(redis, settings);
  }

  @Bean(destroyMethod = "close")
  LiveConnections liveConnections(
      RedisClient redis, UserStreams streams, StreamSettings settings, MeterRegistry meters) {
    return new LiveConnections(redis, streams, settings, meters);
  }

  @Bean
  EventStream eventStream(
      UserStreams streams, LiveConnections connections, StreamSettings settings) {
    return new EventStream(streams, connections, settings);
  }
}
