package dev.officeflow.user.connect;

import dev.officeflow.runtime.environment.OfficeflowEnvironment;
import dev.officeflow.runtime.security.ApiRoutes;
import dev.officeflow.user.account.Users;
import dev.officeflow.user.connect.store.OAuthStateStore;
import dev.officeflow.user.connect.web.ConnectController;
import dev.officeflow.user.connect.web.OAuthCookie;
import dev.officeflow.user.google.GoogleSettings;
import dev.officeflow.user.integration.IntegrationChanges;
import dev.officeflow.user.oauth.OAuthProviders;
import dev.officeflow.user.outbox.EventTransactions;
import io.lettuce.core.RedisClient;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;

/**
 * Connecting a provider: the OAuth flow bound to the browser that starts it, its state in Redis,
 * and that state's health. One state lifetime for every provider ({@code
 * officeflow.user.google.state-ttl}, also the cookie's).
 */
@Configuration(proxyBeanMethods = false)
@Import(ConnectController.class)
class ConnectConfiguration {

  /** On the process's one Redis client (services-common), with a connection of its own. */
  @Bean
  OAuthStateStore oauthStateStore(RedisClient redis) {
    return new OAuthStateStore(redis);
  }

  /** Named {@code redis}: the component's name in {@code /actuator/health}. */
  @Bean("redis")
  OAuthStateHealth oauthStateHealth(OAuthStateStore states) {
    return new OAuthStateHealth(states);
  }

  @Bean
  ProviderConnect providerConnect(
      OAuthStateStore states,
      OAuthProviders providers,
      GoogleSettings settings,
      Users users,
      IntegrationChanges changes,
      EventTransactions transactions,
      Clock clock) {
    return new ProviderConnect(
        states, providers, settings.stateTtl(), users, changes, transactions, clock);
  }

  /** {@code Secure} wherever the service runs in production (officeflow.environment). */
  @Bean
  OAuthCookie oauthCookie(Environment environment, GoogleSettings settings) {
    boolean production = OfficeflowEnvironment.of(environment) == OfficeflowEnvironment.PRODUCTION;
    return new OAuthCookie(production, settings.stateTtl());
  }

  @Bean
  ApiRoutes callbackRoute() {
    return exchanges ->
        exchanges.pathMatchers(HttpMethod.GET, ConnectController.CALLBACK).permitAll();
  }
}
