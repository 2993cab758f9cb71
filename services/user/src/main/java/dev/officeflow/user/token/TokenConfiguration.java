package dev.officeflow.user.token;

import dev.officeflow.runtime.forget.ForgottenUsers;
import dev.officeflow.runtime.security.InternalAccess;
import dev.officeflow.user.integration.IntegrationChanges;
import dev.officeflow.user.integration.Integrations;
import dev.officeflow.user.oauth.OAuthProviders;
import dev.officeflow.user.outbox.EventTransactions;
import dev.officeflow.user.purge.HeldGrants;
import dev.officeflow.user.token.web.InternalTokenController;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Serving provider tokens to other services, refreshed when close to expiry. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TokenSettings.class)
@Import(InternalTokenController.class)
class TokenConfiguration {

  @Bean
  TokenBroker tokenBroker(
      Integrations integrations,
      IntegrationChanges changes,
      EventTransactions transactions,
      OAuthProviders providers,
      TokenSettings settings,
      ForgottenUsers forgotten,
      HeldGrants held,
      Clock clock) {
    return new TokenBroker(
        integrations, changes, transactions, providers, settings, forgotten, held, clock);
  }

  /**
   * Only the office service reads users' provider tokens (it backfills and streams their mail and
   * calendars); any other caller gets 403 from the runtime's service-credential filter.
   */
  @Bean
  InternalAccess tokenAccess() {
    return InternalAccess.of("/internal/tokens/**", "office");
  }
}
