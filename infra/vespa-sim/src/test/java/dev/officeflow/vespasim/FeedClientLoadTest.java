package dev.officeflow.vespasim;

import static org.assertj.core.api.Assertions.assertThat;

import ai.vespa.feed.client.FeedClient;
import ai.vespa.feed.client.FeedClientBuilder;
import ai.vespa.feed.client.OperationParameters;
import ai.vespa.feed.client.Result;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Many documents through the real vespa-feed-client, with and without injected faults. */
class FeedClientLoadTest {

  private static final Logger log = Logger.getLogger(FeedClientLoadTest.class.getName());

  private VespaSim sim;
  private FeedClient feed;

  @BeforeEach
  void start() {
    sim = VespaSim.start(0, Fixtures.SCHEMAS);
    feed = FeedClientBuilder.create(URI.create("http://127.0.0.1:" + sim.port() + "/")).build();
  }

  @AfterEach
  void stop() {
    feed.close();
    sim.close();
  }

  @Test
  void fiveThousandDocumentsFedConcurrentlyAllSucceed() throws Exception {
    int count = 5_000;
    feedEmails(1_000, "warm-up");
    sim.reset();
    long start = System.nanoTime();

    List<Result> results = feedEmails(count, "m");

    double seconds = (System.nanoTime() - start) / 1e9;
    log.info(
        String.format(
            "fed %d documents after a 1,000-document warm-up in %.2f s: %.0f docs/s",
            count, seconds, count / seconds));
    assertThat(results).allMatch(result -> result.type() == Result.Type.success);
    assertThat(sim.stats().puts()).isEqualTo(count);
    assertThat(sim.stats().documents()).containsEntry("email", count);
  }

  @Test
  void withThirtyPercentInjectedFaultsTheClientsRetriesLandEveryDocumentExactlyOnce()
      throws Exception {
    int count = 1_000;
    sim.setFaults(new Faults(0.3, List.of(429, 503), 0));

    List<Result> results = feedEmails(count, "m");

    assertThat(results).allMatch(result -> result.type() == Result.Type.success);
    SimStats stats = sim.stats();
    assertThat(stats.faultsInjected()).isGreaterThan(count / 10);
    assertThat(stats.puts()).isEqualTo(count);
    assertThat(stats.documents()).containsEntry("email", count);
    assertThat(sim.documents("email", "user-7")).hasSize(count / 10);
  }

  /** Feeds {@code count} emails over ten users, ids {@code <prefix><i>}; waits for all results. */
  private List<Result> feedEmails(int count, String prefix) throws Exception {
    List<CompletableFuture<Result>> pending = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String user = "user-" + (i % 10);
      pending.add(
          feed.put(
              Fixtures.emailId(user, prefix + i),
              Fixtures.email(user, "subject " + i, 1_700_000_000_000L + i),
              OperationParameters.empty()));
    }
    CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
    return pending.stream().map(CompletableFuture::join).toList();
  }
}
