package dev.officeflow.notifier.ticket;

import dev.officeflow.notifier.ticket.web.TicketController;
import io.lettuce.core.RedisClient;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Stream tickets: {@code POST /v1/stream-tickets} (a user JWT, the shared chain's default) and the
 * store the stream redeems them from.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TicketSettings.class)
@Import(TicketController.class)
class TicketConfiguration {

  @Bean(destroyMethod = "close")
  StreamTickets streamTickets(RedisClient redis, TicketSettings settings, Clock clock) {
    return new StreamTickets(redis, settings, clock);
  }
}
