package dev.officeflow.contacts.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.officeflow.contacts.testing.BrowserScript;
import dev.officeflow.contacts.testing.ContactsApp;
import dev.officeflow.contacts.testing.MailEvents;
import dev.officeflow.contacts.testing.NamedCorrespondents;
import dev.officeflow.events.EmailEvent;
import dev.officeflow.events.EventType;
import dev.officeflow.events.OfficeEvent;
import dev.officeflow.testsupport.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.json.JsonMapper;

/**
 * The VIP onboarding page served by the contacts service, driven in headless Chromium by {@code
 * src/test/browser/vip-page.mjs} against a service whose database holds 24 ranked candidates;
 * screenshots land in {@code target/vip-page-screenshots}. The notifier's and the search's answers
 * are stubbed in the browser where a check needs them; system-tests' {@code VipPageLiveSystemIT}
 * runs the page against the real services.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VipPageBrowserIT {

  private static final int PEOPLE = 24;
  private static final Path TARGET =
      Path.of(System.getProperty("basedir", System.getProperty("user.dir")), "target");

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient http = HttpClient.newHttpClient();
  private final MailEvents user = new MailEvents("u-vip-page", "me@vip-page.test");
  private ContactsApp app;

  @BeforeAll
  void start() {
    app = ContactsApp.start("contacts_vip_page");
    List<OfficeEvent> events = new ArrayList<>();
    events.add(user.connected());
    events.addAll(
        NamedCorrespondents.events(user, PEOPLE, Instant.now().minus(Duration.ofDays(1))));
    long emails = events.stream().filter(e -> e instanceof EmailEvent).count();
    app.publish(events);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> app.handled().acked(EventType.EMAIL) >= emails);
  }

  @AfterAll
  void stop() {
    app.close();
  }

  @Test
  void pageScriptAndStyleAreServedWithoutAToken() throws Exception {
    for (String file : List.of("index.html", "vip.js", "vip.css")) {
      HttpResponse<String> response = get("/vip/" + file, null);

      assertThat(response.statusCode()).as(file).isEqualTo(200);
    }
    assertThat(get("/vip/index.html", null).body()).contains("Choose your VIPs");
  }

  @Test
  void apiBesideThePublicPageStillAnswers401WithoutAToken() throws Exception {
    for (String path :
        List.of("/onboarding/vips/status", "/onboarding/vips", "/onboarding/vips/selection")) {
      assertThat(get(path, null).statusCode()).as(path).isEqualTo(401);
    }
    HttpResponse<String> post =
        http.send(
            HttpRequest.newBuilder(URI.create(app.baseUrl() + "/onboarding/vips/selection"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"contact_hashes\":[]}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(post.statusCode()).isEqualTo(401);
  }

  @Test
  void userPicksReordersSavesReloadsAndMeetsTheLimitInTheBrowser() {
    BrowserScript browser = BrowserScript.locate();
    String token = app.jwks().token(user.userId());
    await().atMost(Duration.ofSeconds(30)).until(() -> candidates(token) >= PEOPLE);

    BrowserScript.Result result =
        browser.run(
            "vip-page.mjs",
            List.of(app.baseUrl(), token, TARGET.resolve("vip-page-screenshots").toString()),
            TARGET.resolve("vip-page-browser.log"),
            Duration.ofMinutes(2));

    assertThat(result.output())
        .contains(
            "ok - the page loads the ranked candidates",
            "ok - nothing is asked again on a timer once the page has loaded",
            "ok - live events: progress per provider, a failure with its reason as text",
            "ok - with no job reported, the step comes from the counts, never the status's",
            "ok - the search box shows typed hits with their highlights as text",
            "ok - saving an empty list shows the API's 400 message",
            "ok - up and down buttons reorder the picks",
            "ok - after a reload the saved order is shown",
            "ok - a 21st pick is refused with the limit message",
            "ok - an invalid or expired token is reported as such",
            "VIP PAGE OK: 14 checks");
    assertThat(result.exitCode()).as(result.output()).isZero();
  }

  private int candidates(String token) throws Exception {
    return JSON.readTree(get("/onboarding/vips?limit=100", token).body()).path("candidates").size();
  }

  private HttpResponse<String> get(String path, @Nullable String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app.baseUrl() + path)).GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
