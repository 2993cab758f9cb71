package dev.officeflow.user.connect.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseCookie;

class OAuthCookieTest {

  @Test
  void inProductionTheCookieTravelsOverHttpsOnly() {
    ResponseCookie cookie = new OAuthCookie(true, Duration.ofMinutes(10)).holding("key");

    assertThat(cookie.isSecure()).isTrue();
    assertThat(cookie.toString()).contains("Secure");
  }

  @Test
  void locallyTheCookieWorksOverPlainHttp() {
    ResponseCookie cookie = new OAuthCookie(false, Duration.ofMinutes(10)).holding("key");

    assertThat(cookie.isSecure()).isFalse();
  }

  @Test
  void noScriptReadsItAndOnlyTheConnectRoutesReceiveIt() {
    ResponseCookie cookie = new OAuthCookie(true, Duration.ofMinutes(10)).holding("key");

    assertThat(cookie.getName()).isEqualTo("officeflow_oauth");
    assertThat(cookie.isHttpOnly()).isTrue();
    assertThat(cookie.getSameSite()).isEqualTo("Lax");
    assertThat(cookie.getPath()).isEqualTo("/v1/integrations");
    assertThat(cookie.getMaxAge()).isEqualTo(Duration.ofMinutes(10));
  }
}
