package dev.officeflow.office.purge;

import dev.officeflow.office.backfill.BackfillService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The handler of {@code office-users}: what forgetting a user means in the office. */
@Configuration(proxyBeanMethods = false)
class PurgeConfiguration {

  @Bean
  UserEventHandler userEventHandler(
      BackfillService backfill, ApplicationEventPublisher applicationEvents) {
    return new UserEventHandler(backfill, applicationEvents);
  }
}
