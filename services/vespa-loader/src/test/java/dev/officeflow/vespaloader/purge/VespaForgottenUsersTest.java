package dev.officeflow.vespaloader.purge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.officeflow.vespaloader.FakeVespa;
import dev.officeflow.vespaloader.feed.FeedSettings;
import dev.officeflow.vespaloader.feed.VespaException;
import dev.officeflow.vespasim.VespaSim;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

/** The record of forgotten users in vespa-sim, read and written over /document/v1. */
class VespaForgottenUsersTest {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static VespaSim sim;

  @BeforeAll
  static void startSim() {
    sim = VespaSim.start(0, Path.of("../../infra/vespa/schemas"));
  }

  @AfterAll
  static void stopSim() {
    sim.close();
  }

  @BeforeEach
  void reset() {
    sim.reset();
  }

  @Test
  void aForgottenUserIsForgottenDurablyAndOtherUsersAreNot() {
    record(Duration.ofSeconds(2)).forget("gone").block(WAIT);

    VespaForgottenUsers restarted = record(Duration.ofSeconds(2));
    assertThat(restarted.isForgotten("gone").block(WAIT)).isTrue();
    assertThat(restarted.isForgotten("here").block(WAIT)).isFalse();
    assertThat(sim.stats().documents()).containsEntry("forgotten_user", 1);
  }

  @Test
  void anotherInstanceSeesAForgottenUserOnceItsNotForgottenAnswerExpires() {
    VespaForgottenUsers purging = record(Duration.ofSeconds(2));
    VespaForgottenUsers other = record(Duration.ofMillis(500));
    assertThat(other.isForgotten("u1").block(WAIT)).isFalse();

    purging.forget("u1").block(WAIT);

    assertThat(purging.isForgotten("u1").block(WAIT)).isTrue();
    await().atMost(WAIT).until(() -> other.isForgotten("u1").block(WAIT));
  }

  @Test
  void concurrentChecksOfOneUserShareOneRead() {
    VespaForgottenUsers record = record(Duration.ofSeconds(2));

    List<Boolean> answers =
        Flux.fromStream(IntStream.range(0, 50).boxed())
            .flatMap(i -> record.isForgotten("u1"))
            .collectList()
            .block(WAIT);

    assertThat(answers).hasSize(50).containsOnly(false);
    assertThat(sim.stats().gets()).isEqualTo(1);
  }

  @Test
  void aForgottenAnswerIsKeptWithoutAskingVespaAgain() {
    VespaForgottenUsers record = record(Duration.ZERO);
    record.forget("u1").block(WAIT);
    long gets = sim.stats().gets();

    IntStream.range(0, 10).forEach(i -> assertThat(record.isForgotten("u1").block(WAIT)).isTrue());

    assertThat(sim.stats().gets()).isEqualTo(gets);
  }

  @Test
  void whenVespaCannotAnswerTheCheckFailsAndItsFailureIsNotRemembered() {
    try (FakeVespa vespa =
        FakeVespa.answering(uri -> new FakeVespa.Reply(503, "{\"message\":\"busy\"}"))) {
      VespaForgottenUsers record = record(vespa.endpoint(), Duration.ofSeconds(2));

      assertThatThrownBy(() -> record.isForgotten("u1").block(WAIT))
          .isInstanceOf(VespaException.class)
          .hasMessageContaining("status 503");
      assertThatThrownBy(() -> record.isForgotten("u1").block(WAIT))
          .isInstanceOf(VespaException.class);
      assertThat(vespa.requests()).hasSize(2 * 4);
    }
  }

  @Test
  void theRecordIsOneDocumentPerUserAddressedByItsId() {
    URI uri = record(Duration.ZERO).uri("ana maria");

    assertThat(uri.getRawPath())
        .isEqualTo("/document/v1/officeflow/forgotten_user/docid/ana%20maria");
    assertThat(uri.getRawQuery()).isEqualTo("cluster=officeflow");
  }

  private static VespaForgottenUsers record(Duration notForgottenFor) {
    return record(URI.create("http://127.0.0.1:" + sim.port() + "/"), notForgottenFor);
  }

  private static VespaForgottenUsers record(URI endpoint, Duration notForgottenFor) {
    return new VespaForgottenUsers(
        HTTP, FeedSettings.of(endpoint), Clock.systemUTC(), notForgottenFor);
  }
}
