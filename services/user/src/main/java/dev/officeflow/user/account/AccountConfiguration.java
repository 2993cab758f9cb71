package dev.officeflow.user.account;

import dev.officeflow.runtime.config.RuntimeProperties;
import dev.officeflow.runtime.forget.ForgottenUsers;
import dev.officeflow.user.account.store.UserStore;
import dev.officeflow.user.account.web.MeController;
import dev.officeflow.user.integration.Disconnection;
import dev.officeflow.user.integration.Integrations;
import dev.officeflow.user.outbox.EventTransactions;
import dev.officeflow.user.purge.HeldGrants;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.r2dbc.core.DatabaseClient;

/** People: the users table, who the caller is, and deleting an account. */
@Configuration(proxyBeanMethods = false)
@Import(MeController.class)
class AccountConfiguration {

  @Bean
  UserStore userStore(DatabaseClient db, Clock clock) {
    return new UserStore(db, clock);
  }

  @Bean
  Users users(UserStore store) {
    return new Users(store);
  }

  @Bean
  AccountDeletion accountDeletion(
      UserStore store,
      Integrations integrations,
      Disconnection disconnection,
      HeldGrants held,
      EventTransactions transactions,
      ForgottenUsers forgotten,
      RuntimeProperties runtime,
      Clock clock) {
    return new AccountDeletion(
        store, integrations, disconnection, held, transactions, forgotten, runtime, clock);
  }
}
