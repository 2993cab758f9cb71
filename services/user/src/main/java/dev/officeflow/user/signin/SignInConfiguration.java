package dev.officeflow.user.signin;

import dev.officeflow.runtime.security.ApiRoutes;
import dev.officeflow.user.account.Users;
import dev.officeflow.user.google.GoogleSettings;
import dev.officeflow.user.session.SessionTokens;
import dev.officeflow.user.signin.web.DevSessionController;
import dev.officeflow.user.signin.web.GoogleSignInController;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.client.WebClient;

/** Signing in: Google ID tokens for user JWTs, and the local profile's demo logins. */
@Configuration(proxyBeanMethods = false)
@Import(GoogleSignInController.class)
class SignInConfiguration {

  @Bean
  IdTokenVerifier idTokenVerifier(GoogleSettings settings, WebClient.Builder http, Clock clock) {
    return new IdTokenVerifier(settings, http.build(), clock);
  }

  @Bean
  GoogleSignIn googleSignIn(IdTokenVerifier verifier, Users users, SessionTokens tokens) {
    return new GoogleSignIn(verifier, users, tokens);
  }

  /**
   * Signing in carries no user token yet. The demo login is open even when demo logins are off, so
   * that the route then answers 404 (there is none) rather than 401.
   */
  @Bean
  ApiRoutes signInRoutes() {
    return exchanges ->
        exchanges
            .pathMatchers(HttpMethod.POST, GoogleSignInController.PATH, DevSessionController.PATH)
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
