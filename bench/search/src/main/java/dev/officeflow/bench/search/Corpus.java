package dev.officeflow.bench.search;

import dev.officeflow.events.EventFixtures;
import dev.officeflow.vespaloader.document.DocumentFactory;
import dev.officeflow.vespaloader.document.VespaDocument;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each user's mail as vespa-loader writes it (the fixture email through {@link DocumentFactory},
 * with a subject and body drawn from {@link #WORDS}), put into vespa-sim over {@code /document/v1}.
 * Deterministic: the same seed writes the same corpus.
 */
final class Corpus {

  /** The vocabulary of subjects, bodies and queries. */
  static final List<String> WORDS =
      List.of(
          "budget",
          "plan",
          "offsite",
          "review",
          "draft",
          "deck",
          "invoice",
          "contract",
          "launch",
          "hiring",
          "roadmap",
          "security",
          "travel",
          "quarterly",
          "agenda",
          "minutes",
          "design",
          "release",
          "customer",
          "partner",
          "report",
          "summary",
          "meeting",
          "feedback",
          "pricing",
          "forecast",
          "audit",
          "training",
          "support",
          "migration",
          "incident",
          "holiday");

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final DocumentFactory FACTORY = new DocumentFactory("officeflow");

  private Corpus() {}

  /** Puts {@code perUser} emails for each user; returns how many were written. */
  static int feed(int simPort, List<String> users, int perUser) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    Semaphore inFlight = new Semaphore(64);
    List<CompletableFuture<HttpResponse<Void>>> puts = new ArrayList<>();
    Random random = new Random(42);
    for (String user : users) {
      for (int i = 0; i < perUser; i++) {
        VespaDocument document = FACTORY.document(EventFixtures.emailEvent(user, "m" + i));
        Map<String, Object> fields = new LinkedHashMap<>(document.fields());
        fields.put("title", words(random, 5));
        fields.put("content", words(random, 120));
        HttpRequest put =
            HttpRequest.newBuilder(
                    URI.create(
                        "http://127.0.0.1:"
                            + simPort
                            + "/document/v1/officeflow/email/group/"
                            + user
                            + "/google_m"
                            + i))
                .POST(
                    HttpRequest.BodyPublishers.ofByteArray(
                        JSON.writeValueAsBytes(Map.of("fields", fields))))
                .build();
        inFlight.acquire();
        puts.add(
            http.sendAsync(put, HttpResponse.BodyHandlers.discarding())
                .whenComplete((response, error) -> inFlight.release()));
      }
    }
    int written = 0;
    for (CompletableFuture<HttpResponse<Void>> put : puts) {
      if (put.join().statusCode() == 200) {
        written++;
      }
    }
    return written;
  }

  /** {@code n} words of the vocabulary, as a sentence. */
  static String words(Random random, int n) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < n; i++) {
      text.append(i == 0 ? "" : " ").append(WORDS.get(random.nextInt(WORDS.size())));
    }
    return text.toString();
  }
}
