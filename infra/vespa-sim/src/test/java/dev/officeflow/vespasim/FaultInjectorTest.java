package dev.officeflow.vespasim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.PrimitiveIterator;
import java.util.stream.DoubleStream;
import org.junit.jupiter.api.Test;

class FaultInjectorTest {

  private static final ApiRequest PUT =
      new ApiRequest("POST", Fixtures.emailPath("u", "1"), Map.of(), "{}");

  @Test
  void requestsDrawingBelowTheErrorRateFailWithTheStatusTheSecondDrawPicks() {
    Counters counters = new Counters();
    FaultInjector faults = new FaultInjector(counters, draws(0.1, 0.9, 0.5, 0.29, 0.2));
    faults.set(new Faults(0.3, List.of(429, 503), 0));

    assertThat(faults.maybeFail(PUT))
        .hasValueSatisfying(r -> assertThat(r.status()).isEqualTo(503));
    assertThat(faults.maybeFail(PUT)).isEmpty();
    assertThat(faults.maybeFail(PUT))
        .hasValueSatisfying(r -> assertThat(r.status()).isEqualTo(429));
    assertThat(counters.faultsInjected.sum()).isEqualTo(2);
  }

  @Test
  void theFeedClientsHandshakeIsNeverFaulted() {
    FaultInjector faults = new FaultInjector(new Counters(), draws(0.0));
    faults.set(new Faults(1.0, List.of(503), 0));
    ApiRequest handshake =
        new ApiRequest(
            "POST", "/document/v1/feeder/handshake/docid/dummy", Map.of("dryRun", "true"), "");

    assertThat(faults.maybeFail(handshake)).isEmpty();
  }

  @Test
  void faultSettingsAreValidated() {
    assertThatThrownBy(() -> new Faults(0.5, List.of(), 0)).hasMessageContaining("statuses");
    assertThatThrownBy(() -> new Faults(0.5, List.of(200), 0)).hasMessageContaining("4xx or 5xx");
    assertThatThrownBy(() -> new Faults(0, List.of(), -1)).hasMessageContaining("latency_ms");
  }

  private static java.util.function.DoubleSupplier draws(double... values) {
    PrimitiveIterator.OfDouble next = DoubleStream.of(values).iterator();
    return next::nextDouble;
  }
}
