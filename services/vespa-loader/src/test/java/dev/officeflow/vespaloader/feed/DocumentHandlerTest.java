package dev.officeflow.vespaloader.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.officeflow.events.EmailEvent;
import dev.officeflow.events.EventFixtures;
import dev.officeflow.events.EventType;
import dev.officeflow.events.Operation;
import dev.officeflow.runtime.consume.Delivery;
import dev.officeflow.runtime.consume.Outcome;
import dev.officeflow.runtime.forget.ForgottenUsers;
import dev.officeflow.vespaloader.Events;
import dev.officeflow.vespaloader.document.DocumentFactory;
import dev.officeflow.vespasim.VespaSim;
import io.opentelemetry.api.trace.SpanContext;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** The handler's own forgotten check, right before the write, against vespa-sim. */
class DocumentHandlerTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final Delivery DELIVERY =
      new Delivery("vespa-loader-emails", "1", Map.of(), 1, SpanContext.getInvalid());

  private VespaSim sim;
  private FeedClients clients;

  @BeforeEach
  void start() {
    sim = VespaSim.start(0, Path.of("../../infra/vespa/schemas"));
    FeedSettings settings = FeedSettings.of(URI.create("http://127.0.0.1:" + sim.port() + "/"));
    clients =
        new FeedClients(
            () -> FeedConfiguration.feedClient(settings), Clock.systemUTC(), Duration.ofSeconds(1));
  }

  @AfterEach
  void stop() {
    clients.close();
    sim.close();
  }

  @Test
  void anEventOfAForgottenUserWritesNothingNotEvenATombstone() {
    DocumentHandler<EmailEvent> handler = handler(user -> Mono.just(user.equals("gone")));
    EmailEvent create = EventFixtures.emailEvent("gone", "m1");

    assertThat(handler.handle(create, DELIVERY).block(TIMEOUT)).isEqualTo(Outcome.forgotten());
    assertThat(
            handler.handle(Events.withOperation(create, Operation.DELETE), DELIVERY).block(TIMEOUT))
        .isEqualTo(Outcome.forgotten());
    assertThat(handler.handle(EventFixtures.emailEvent("here", "m1"), DELIVERY).block(TIMEOUT))
        .isEqualTo(Outcome.done());

    assertThat(sim.stats().puts()).isEqualTo(1);
    assertThat(sim.documents("email", "gone")).isEmpty();
  }

  @Test
  void whenTheForgottenCheckCannotReachVespaTheEventWaitsOutTheOutage() {
    DocumentHandler<EmailEvent> handler =
        handler(user -> Mono.error(new VespaException("GET forgotten_user", 503, "busy")));

    Outcome outcome = handler.handle(EventFixtures.emailEvent("u1", "m1"), DELIVERY).block(TIMEOUT);

    assertThat(outcome.action()).isEqualTo(Outcome.Action.UNAVAILABLE);
    assertThat(outcome.reason()).startsWith("vespa_unavailable: ").contains("status 503");
    assertThat(sim.stats().puts()).isZero();
  }

  private DocumentHandler<EmailEvent> handler(
      java.util.function.Function<String, Mono<Boolean>> check) {
    ForgottenUsers forgotten =
        new ForgottenUsers() {
          @Override
          public Mono<Void> forget(String userId) {
            return Mono.error(new UnsupportedOperationException("the purge forgets"));
          }

          @Override
          public Mono<Boolean> isForgotten(String userId) {
            return check.apply(userId);
          }
        };
    return new DocumentHandler<>(
        EventType.EMAIL,
        new DocumentFactory("officeflow"),
        new VespaFeeder(clients, TIMEOUT, Duration.ZERO),
        forgotten,
        Clock.systemUTC());
  }
}
