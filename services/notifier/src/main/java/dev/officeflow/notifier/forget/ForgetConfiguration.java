package dev.officeflow.notifier.forget;

import dev.officeflow.notifier.stream.UserStreams;
import dev.officeflow.notifier.ticket.StreamTickets;
import dev.officeflow.runtime.forget.ForgottenUsers;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The handler of {@code notifier-users}, and the record of deleted users that it writes and the JWT
 * check (services-common's, which uses any {@link ForgottenUsers} bean) and the stream route read.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ForgetSettings.class)
class ForgetConfiguration {

  @Bean
  ForgottenUsers forgottenUsers(UserStreams streams, ForgetSettings settings) {
    return new RedisForgottenUsers(streams, settings.rememberFor());
  }

  @Bean
  UserEventHandler userEventHandler(ForgottenUsers forgottenUsers, StreamTickets tickets) {
    return new UserEventHandler(forgottenUsers, tickets);
  }
}
