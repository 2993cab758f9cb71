package dev.officeflow.contacts.purge;

import dev.officeflow.contacts.discovery.OwnAddresses;
import dev.officeflow.runtime.forget.ForgottenUsers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/** Purging a deleted user: the {@code UserEvent} handler and the purge it calls. */
@Configuration(proxyBeanMethods = false)
class PurgeConfiguration {

  @Bean
  UserDataPurge userDataPurge(
      DatabaseClient db, TransactionalOperator tx, OwnAddresses own, ForgottenUsers forgotten) {
    return new UserDataPurge(db, tx, own, forgotten);
  }

  @Bean
  UserEventHandler userEventHandler(UserDataPurge purge) {
    return new UserEventHandler(purge);
  }
}
