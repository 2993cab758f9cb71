package dev.officeflow.user.connect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.officeflow.user.testing.Browser;
import dev.officeflow.user.testing.Testbed;
import dev.officeflow.user.testing.TestbedTest;
import dev.officeflow.user.testing.UserFixtures;
import java.net.URI;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Account-linking CSRF: an authorization URL that one user starts and someone else completes links
 * nothing, since only the browser that started may finish (its {@code officeflow_oauth} cookie).
 */
@TestbedTest
class BrowserBindingIT {

  private final Testbed bed;

  BrowserBindingIT(Testbed bed) {
    this.bed = bed;
  }

  @Test
  void aFlowCompletedInABrowserWithoutItsCookieLinksNothingAndSaysWhy() {
    String attacker = UserFixtures.email("mallory");
    String victim = bed.account(UserFixtures.account(UserFixtures.email("victor")));
    String url = bed.startConnecting(bed.session(attacker), victim, Browser.open());
    Browser victims = Browser.open();
    URI callback = bed.consent(url, victims);
    long exchanges = bed.proxy.codeExchanges();

    HttpResponse<String> response = bed.callback(callback, victims);

    assertThat(response.statusCode()).isEqualTo(403);
    JsonNode problem = Testbed.json(response);
    assertThat(problem.path("code").asString()).isEqualTo("oauth_browser_mismatch");
    assertThat(problem.path("detail").asString())
        .contains("no officeflow_oauth cookie", "nothing was connected");
    assertNothingLinkedTo(attacker);
    assertThat(bed.proxy.codeExchanges()).isEqualTo(exchanges);
  }

  @Test
  void aFlowCompletedInABrowserThatStartedItsOwnLinksNothing() {
    String attacker = UserFixtures.email("mila");
    String victim = bed.account(UserFixtures.account(UserFixtures.email("vera")));
    String url = bed.startConnecting(bed.session(attacker), victim, Browser.open());
    Browser victims = Browser.open();
    bed.startConnecting(bed.session(victim), victim, victims);
    long exchanges = bed.proxy.codeExchanges();

    HttpResponse<String> response = bed.callback(bed.consent(url, victims), victims);

    assertThat(response.statusCode()).isEqualTo(403);
    JsonNode problem = Testbed.json(response);
    assertThat(problem.path("code").asString()).isEqualTo("oauth_browser_mismatch");
    assertThat(problem.path("detail").asString()).contains("started in another browser");
    assertNothingLinkedTo(attacker);
    assertNothingLinkedTo(victim);
    assertThat(bed.proxy.codeExchanges()).isEqualTo(exchanges);
  }

  @Test
  void theBrowserThatStartedTheFlowCompletesIt() {
    String email = bed.account(UserFixtures.account(UserFixtures.email("nina")));
    Browser own = Browser.open();
    String url = bed.startConnecting(bed.session(email), email, own);

    HttpResponse<String> response = bed.callback(bed.consent(url, own), own);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
    assertThat(bed.sql().status(bed.userId(email))).isEqualTo("active");
  }

  @Test
  void oneBrowserMayRunTwoAuthorizationsAtOnce() {
    String first = bed.account(UserFixtures.account(UserFixtures.email("otto")));
    String second = bed.account(UserFixtures.account(UserFixtures.email("pia")));
    Browser shared = Browser.open();
    String firstUrl = bed.startConnecting(bed.session(first), first, shared);
    String secondUrl = bed.startConnecting(bed.session(second), second, shared);

    assertThat(bed.callback(bed.consent(firstUrl, shared), shared).statusCode()).isEqualTo(302);
    assertThat(bed.callback(bed.consent(secondUrl, shared), shared).statusCode()).isEqualTo(302);
  }

  @Test
  void startSetsAnHttpOnlyLaxCookieForTheConnectRoutesOnly() {
    String email = UserFixtures.email("quinn");
    HttpResponse<String> started =
        Browser.open()
            .post(
                bed.service().baseUrl() + "/v1/integrations/google/start",
                "{}",
                bed.session(email));

    assertThat(started.headers().allValues("Set-Cookie"))
        .singleElement()
        .asString()
        .startsWith("officeflow_oauth=")
        .contains("Path=/v1/integrations", "Max-Age=600", "HttpOnly", "SameSite=Lax")
        .doesNotContain("Secure");
  }

  private void assertNothingLinkedTo(String email) {
    String userId = bed.userId(email);
    assertThat(bed.sql().count("integrations", userId)).isZero();
    assertThat(bed.sql().count("integration_tokens", userId)).isZero();
  }
}
