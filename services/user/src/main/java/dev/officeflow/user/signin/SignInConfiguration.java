package dev.officeflow.user.signin;

import dev.officeflow.runtime.security.ApiRoutes;
import dev.officeflow.user.account.Users;
import dev.officeflow.user.google.GoogleSettings;
import dev.officeflow.user.microsoft.MicrosoftIdTokens;
import dev.officeflow.user.session.SessionTokens;
import dev.officeflow.user.signin.web.DevSessionController;
import dev.officeflow.user.signin.web.SignInController;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Signing in: Google's ID tokens, Microsoft's when Microsoft is offered, for user JWTs; and the
 * local profile's demo logins.
 */
@Configuration(proxyBeanMethods = false)
@Import(SignInController.class)
class SignInConfiguration {

  @Bean
  IdTokenVerifier idTokenVerifier(GoogleSettings settings, WebClient.Builder http, Clock clock) {
    return new IdTokenVerifier(settings, http.build(), clock);
  }

  @Bean
  SignIns signIns(
      IdTokenVerifier google,
      ObjectProvider<MicrosoftIdTokens> microsoft,
      Users users,
      SessionTokens tokens) {
    List<ProviderSignIn> offered = new ArrayList<>();
    offered.add(
        new ProviderSignIn(
            "google", "Google", t -> google.verify(t).map(GoogleIdentity::email), users, tokens));
    microsoft.ifAvailable(
        ids ->
            offered.add(
                new ProviderSignIn(
                    "microsoft",
                    "Microsoft",
                    t -> ids.signIn(t).map(identity -> Objects.requireNonNull(identity.email())),
                    users,
                    tokens)));
    return new SignIns(offered);
  }

  /**
   * Signing in carries no user token yet. The demo login is open even when demo logins are off, so
   * that the route then answers 404 (there is none) rather than 401.
   */
  @Bean
  ApiRoutes signInRoutes() {
    return exchanges ->
        exchanges
            .pathMatchers(HttpMethod.POST, SignInController.PATHS)
            .permitAll()
            .pathMatchers(HttpMethod.POST, DevSessionController.PATH)
            .permitAll();
  }

  /**
   * Demo logins ({@code officeflow.user.dev-session.enabled}, default false; true only in the local
   * profile, and production refuses to start with it): a JWT for any address, without a password.
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnBooleanProperty("officeflow.user.dev-session.enabled")
  @Import(DevSessionController.class)
  static class DevSessions {}
}
