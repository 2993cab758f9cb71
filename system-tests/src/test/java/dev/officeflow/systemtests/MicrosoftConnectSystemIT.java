package dev.officeflow.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.officeflow.testsupport.Infrastructure;
import dev.officeflow.testsupport.IntegrationTest;
import dev.officeflow.testsupport.TestDatabase;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Connecting Microsoft through the user service's OAuth against graph-sim, across the whole system
 * (issue 23): the office backfills the Outlook mailbox through the Graph SDK, vespa-loader writes
 * its items in the user's group, and a user with Google and Microsoft connected gets one ranked
 * list in which a person both mailboxes know is one candidate with the interactions of both.
 */
@IntegrationTest
@ExtendWith(SharedSystem.class)
class MicrosoftConnectSystemIT {

  private static final Duration PATIENCE = Duration.ofSeconds(90);

  private static OfficeflowSystem system;
  private static SystemClient client;

  @BeforeAll
  static void start(OfficeflowSystem running) {
    system = running;
    client = new SystemClient(system);
  }

  @Test
  void connectingMicrosoftBackfillsTheOutlookMailboxIntoTheUsersGroup() {
    String userId = client.connect(SystemAccounts.OLA, "microsoft");

    JsonNode job = completed(userId, "microsoft");
    assertThat(job.path("progress").path("published").asLong())
        .isGreaterThanOrEqualTo(SystemAccounts.SMALL_MAILBOX);
    await()
        .atMost(PATIENCE)
        .until(() -> documents("email", userId) >= SystemAccounts.SMALL_MAILBOX);
    assertThat(documentIds("email", userId)).allMatch(id -> id.contains(":microsoft_"));
  }

  @Test
  void googleAndMicrosoftConnectedGiveOneRankedListWithEachPersonOnce() {
    String userId = client.connect(SystemAccounts.UMA, "google");
    assertThat(client.connect(SystemAccounts.UMA, "microsoft")).isEqualTo(userId);
    completed(userId, "google");
    completed(userId, "microsoft");

    // Consumption may still be catching up with the jobs: asserted until it settled.
    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () -> {
              Map<String, int[]> byProvider = interactionsByProvider(userId);
              List<JsonNode> candidates = candidates(userId);
              assertThat(candidates)
                  .extracting(c -> c.path("contact_hash").asString())
                  .doesNotHaveDuplicates();
              JsonNode shared =
                  candidates.stream()
                      .filter(c -> seenInBoth(byProvider, c.path("contact_hash").asString()))
                      .findFirst()
                      .orElseThrow(() -> new AssertionError("no candidate from both mailboxes"));
              int[] counts = byProvider.get(shared.path("contact_hash").asString());
              assertThat(shared.path("counts").path("interactions").asInt())
                  .isEqualTo(counts[0] + counts[1]);
            });
  }

  private static JsonNode completed(String userId, String provider) {
    JsonNode job =
        await()
            .atMost(PATIENCE)
            .until(
                () -> job(userId, provider),
                j -> j.isPresent() && !List.of("queued", "running").contains(status(j.get())))
            .orElseThrow();
    assertThat(status(job)).as(job.toString()).isEqualTo("completed");
    return job;
  }

  private static Optional<JsonNode> job(String userId, String provider) {
    return client.jobs(userId).stream()
        .filter(j -> provider.equals(j.path("provider").asString()))
        .findFirst();
  }

  private static String status(JsonNode job) {
    return job.path("status").asString();
  }

  private static List<JsonNode> candidates(String userId) {
    String jwt = client.session(SystemAccounts.UMA).path("access_token").asString();
    HttpResponse<String> response =
        Http.get(system.contacts().url("/onboarding/vips?limit=100"), jwt);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return Http.json(response).path("candidates").valueStream().toList();
  }

  private static long documents(String doctype, String userId) {
    return documentIds(doctype, userId).size();
  }

  private static List<String> documentIds(String doctype, String userId) {
    String path =
        "/document/v1/officeflow/"
            + doctype
            + "/group/"
            + URLEncoder.encode(userId, StandardCharsets.UTF_8)
            + "?wantedDocumentCount=1000";
    HttpResponse<String> response = Http.get(system.vespa().url(path), null);
    if (response.statusCode() != 200) {
      return List.of();
    }
    return Http.json(response)
        .path("documents")
        .valueStream()
        .map(d -> d.path("id").asString())
        .toList();
  }

  private static boolean seenInBoth(Map<String, int[]> byProvider, String hash) {
    int[] counts = byProvider.get(hash);
    return counts != null && counts[0] > 0 && counts[1] > 0;
  }

  /** Per contact: interactions from Google's items, from Microsoft's (contacts' own table). */
  private static Map<String, int[]> interactionsByProvider(String userId) throws SQLException {
    Map<String, int[]> out = new HashMap<>();
    TestDatabase db = system.contactsDatabase();
    try (Connection connection =
            DriverManager.getConnection(
                db.jdbcUrl(), Infrastructure.postgresUser(), Infrastructure.postgresPassword());
        PreparedStatement statement =
            connection.prepareStatement(
                "SELECT participant, count(*) FILTER (WHERE item_id NOT LIKE 'microsoft:%'),"
                    + " count(*) FILTER (WHERE item_id LIKE 'microsoft:%')"
                    + " FROM interactions WHERE user_id = ? GROUP BY participant")) {
      statement.setString(1, userId);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          out.put(rows.getString(1), new int[] {rows.getInt(2), rows.getInt(3)});
        }
      }
    }
    return out;
  }
}
