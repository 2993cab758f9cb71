package dev.officeflow.user.account;

import dev.officeflow.runtime.config.RuntimeProperties;
import dev.officeflow.runtime.security.ApiRoutes;
import dev.officeflow.user.account.store.UserStore;
import dev.officeflow.user.account.web.DevSessionController;
import dev.officeflow.user.account.web.MeController;
import dev.officeflow.user.integration.Disconnection;
import dev.officeflow.user.integration.Integrations;
import dev.officeflow.user.outbox.EventTransactions;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.r2dbc.core.DatabaseClient;

/** People: the users table, who the caller is, deleting an account, and demo logins. */
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
      EventTransactions transactions,
      RuntimeProperties runtime,
      Clock clock) {
    return new AccountDeletion(store, integrations, disconnection, transactions, runtime, clock);
  }

  /**
   * A demo login carries no token yet. Open even when demo logins are off, so that the route then
   * answers 404 (there is none) rather than 401.
   */
  @Bean
  ApiRoutes devSessionRoute() {
    return exchanges ->
        exchanges.pathMatchers(HttpMethod.POST, DevSessionController.PATH).permitAll();
  }

  /**
   * Demo logins ({@code officeflow.user.dev-session.enabled}, default false; true in the {@code
   * dev} profile): a JWT for any address, without a password.
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnBooleanProperty("officeflow.user.dev-session.enabled")
  @Import(DevSessionController.class)
  static class DevSessions {}
}
