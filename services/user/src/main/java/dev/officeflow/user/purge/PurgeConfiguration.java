package dev.officeflow.user.purge;

import dev.officeflow.runtime.security.InternalAccess;
import dev.officeflow.user.crypto.TokenCipher;
import dev.officeflow.user.oauth.OAuthProviders;
import dev.officeflow.user.purge.store.HeldGrantStore;
import dev.officeflow.user.purge.web.ProviderReleaseController;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Deleted users' grants held for the office's purge: the table, releasing, the sweeper, the API.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PurgeSettings.class)
@Import(ProviderReleaseController.class)
class PurgeConfiguration {

  @Bean
  HeldGrantStore heldGrantStore(DatabaseClient db, TokenCipher cipher) {
    return new HeldGrantStore(db, cipher);
  }

  @Bean
  GrantReleaser grantReleaser(
      HeldGrantStore store, OAuthProviders providers, PurgeSettings settings, Clock clock) {
    return new GrantReleaser(store, providers, settings, clock);
  }

  @Bean
  HeldGrants heldGrants(
      HeldGrantStore store,
      GrantReleaser releaser,
      OAuthProviders providers,
      TransactionalOperator transactions,
      PurgeSettings settings,
      Clock clock) {
    return new HeldGrants(store, releaser, providers, transactions, settings, clock);
  }

  @Bean
  ReleaseSweeper releaseSweeper(GrantReleaser releaser, PurgeSettings settings) {
    return new ReleaseSweeper(releaser, settings);
  }

  /**
   * Only the office confirms a purge: releasing a grant early is the office's word that it no
   * longer needs it. Any other caller gets 403 from the runtime's service-credential filter. Only
   * this route: {@code /internal/users/import} is the operator's ({@code ImportConfiguration}).
   */
  @Bean
  InternalAccess purgeAccess() {
    return InternalAccess.of("/internal/users/*/provider-release", "office");
  }
}
