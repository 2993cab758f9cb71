package dev.officeflow.user.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

class SingleFlightTest {

  private final SingleFlight<String, String> flights = new SingleFlight<>();
  private final AtomicInteger runs = new AtomicInteger();

  @Test
  void callersArrivingWhileWorkRunsShareOneRun() {
    Sinks.One<String> result = Sinks.one();
    Mono<List<String>> fifty =
        Flux.range(0, 50)
            .flatMap(i -> flights.run("k", () -> counted(result.asMono())))
            .collectList();

    StepVerifier.create(fifty)
        .then(() -> result.tryEmitValue("token"))
        .assertNext(values -> assertThat(values).hasSize(50).containsOnly("token"))
        .verifyComplete();
    assertThat(runs).hasValue(1);
  }

  @Test
  void aCallAfterTheRunFinishedRunsAgain() {
    flights.run("k", () -> counted(Mono.just("one"))).block(Duration.ofSeconds(5));
    String second = flights.run("k", () -> counted(Mono.just("two"))).block(Duration.ofSeconds(5));

    assertThat(second).isEqualTo("two");
    assertThat(runs).hasValue(2);
    assertThat(flights.inFlight()).isZero();
  }

  @Test
  void aFailureReachesEveryWaitingCaller() {
    Sinks.One<String> result = Sinks.one();
    Mono<List<Throwable>> errors =
        Flux.range(0, 3)
            .flatMap(
                i ->
                    flights
                        .run("k", () -> counted(result.asMono()))
                        .map(v -> (Throwable) new AssertionError(v))
                        .onErrorResume(Mono::just))
            .collectList();

    StepVerifier.create(errors)
        .then(() -> result.tryEmitError(new IllegalStateException("refresh failed")))
        .assertNext(
            all ->
                assertThat(all)
                    .hasSize(3)
                    .allSatisfy(e -> assertThat(e).hasMessage("refresh failed")))
        .verifyComplete();
  }

  @Test
  void aCallerThatCancelsDoesNotCancelTheRunForTheOthers() {
    Sinks.One<String> result = Sinks.one();
    flights.run("k", () -> counted(result.asMono())).subscribe().dispose();
    Mono<String> other = flights.run("k", () -> counted(Mono.just("second run")));

    StepVerifier.create(other)
        .then(() -> result.tryEmitValue("first run"))
        .expectNext("first run")
        .verifyComplete();
    assertThat(runs).hasValue(1);
  }

  private Mono<String> counted(Mono<String> work) {
    return Mono.defer(
        () -> {
          runs.incrementAndGet();
          return work;
        });
  }
}
