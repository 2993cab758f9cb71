package dev.officeflow.contacts.purge;

import dev.officeflow.contacts.discovery.OwnAddresses;
import dev.officeflow.contacts.discovery.UserLocks;
import dev.officeflow.runtime.forget.ForgottenUsers;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/** Purging a deleted user: the {@code UserEvent} handler, the purge it calls, and the sweeper. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PurgeSettings.class)
class PurgeConfiguration {

  @Bean
  UserDataPurge userDataPurge(
      DatabaseClient db,
      TransactionalOperator tx,
      UserLocks locks,
      OwnAddresses own,
      ForgottenUsers forgotten) {
    return new UserDataPurge(db, tx, locks, own, forgotten);
  }

  @Bean
  UserEventHandler userEventHandler(UserDataPurge purge, PurgeSettings settings) {
    return new UserEventHandler(purge, settings);
  }

  @Bean
  PurgeSweeper purgeSweeper(
      DatabaseClient db, UserDataPurge purge, PurgeSettings settings, MeterRegistry meters) {
    return new PurgeSweeper(db, purge, settings, meters);
  }
}
