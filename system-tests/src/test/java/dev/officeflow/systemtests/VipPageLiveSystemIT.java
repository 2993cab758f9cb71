package dev.officeflow.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.officeflow.testsupport.IntegrationTest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The VIP page live (issue 24, acceptance's browser test): headless Chromium opens the page on the
 * system's one origin ({@link FrontDoor}, as the Ingress), the page streams from the notifier, and
 * the test connects the users the page watches: during a backfill the page shows rising progress
 * with the office's totals and its step follows the job, then candidates, each with a name or an
 * address; no request comes on a timer (the page's clock is made to jump ten minutes, during the
 * backfill and after it, and a poller would ask then); a search finds the backfilled mail; another
 * user's backfill, its grant revoked while it runs, shows the failure and its reason. {@code
 * src/test/browser/live-page.mjs} drives the browser; its log and screenshots land in {@code
 * target/}.
 */
@IntegrationTest
@ExtendWith(SharedSystem.class)
class VipPageLiveSystemIT {

  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static final Path TARGET = Path.of("target");

  /**
   * The subject of the message the test adds: its first word, which no generated message has, is
   * what the search must find.
   */
  private static final String SEARCH_TITLE = "Lighthouse budget review";

  private static OfficeflowSystem system;
  private static SystemClient client;

  @BeforeAll
  static void start(OfficeflowSystem running) {
    system = running;
    client = new SystemClient(system);
  }

  @Test
  void thePageFollowsBackfillsLiveFailuresIncludedAndSearches() throws Exception {
    addMessage(SystemAccounts.LIV, SEARCH_TITLE, "The lighthouse budget, line by line.");
    String liv = client.session(SystemAccounts.LIV).path("access_token").asString();
    String fay = client.session(SystemAccounts.FAY).path("access_token").asString();

    try (BrowserRun browser =
        BrowserRun.start(
            "live-page.mjs",
            List.of(
                system.frontDoor().origin(),
                liv,
                fay,
                SEARCH_TITLE,
                TARGET.resolve("live-page-screenshots").toAbsolutePath().toString()),
            TARGET.resolve("live-page-browser.log").toAbsolutePath())) {
      browser.awaitLine("READY liv", PATIENCE);
      client.connect(SystemAccounts.LIV);

      browser.awaitLine("READY fay", Duration.ofMinutes(3));
      String fayId = client.connect(SystemAccounts.FAY);
      await().atMost(PATIENCE).until(() -> client.jobs(fayId).size() == 1);
      client.revokeAtGoogle(fayId);

      int exit = browser.finish(Duration.ofMinutes(3));
      assertThat(browser.output())
          .contains(
              "ok - the page opens its live stream with a ticket",
              "ok - during the backfill the Google import shows rising progress with its totals",
              "ok - the step follows the job: backfilling while it runs, ready as it ends",
              "ok - then the ranked candidates appear, each with a name or an address",
              "ok - no request was asked on a timer: each re-read follows a live event",
              "ok - a search finds the message, highlighted, as text",
              "ok - another user's page shows their own import, and its failure with the reason",
              "LIVE PAGE OK: 7 checks");
      assertThat(exit).as(browser.output()).isZero();
    }
  }

  private static void addMessage(String account, String subject, String text) {
    HttpResponse<String> added =
        Http.postJson(
            system.google().url("/sim/accounts/" + account + "/messages"),
            Map.of(
                "fromName",
                "Lena Harbour",
                "fromEmail",
                "lena@harbour.test",
                "subject",
                subject,
                "text",
                text),
            null);
    assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
  }
}
