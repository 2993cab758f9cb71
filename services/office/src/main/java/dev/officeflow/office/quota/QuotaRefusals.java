package dev.officeflow.office.quota;

import dev.officeflow.office.adapter.ProviderFailure;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;

/**
 * Counts the provider's quota refusals ({@code officeflow.office.quota.refusals}, tags {@code api}
 * and {@code budget}: {@code user} or {@code project}, {@code unknown} when the provider did not
 * say). Pacing aims at none: any count means our buckets and the provider's disagree (a limit set
 * higher than the project's, another client spending the same project, clock trouble).
 */
public final class QuotaRefusals {

  static final String METER = "officeflow.office.quota.refusals";

  private final MeterRegistry registry;

  public QuotaRefusals(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Counts {@code failure} against {@code api} if it is a quota refusal; ignores anything else. */
  public void count(QuotaBudget api, ProviderFailure failure) {
    if (failure.kind() != ProviderFailure.Kind.RATE_LIMITED) {
      return;
    }
    String budget = failure.budget().map(b -> b.name().toLowerCase(Locale.ROOT)).orElse("unknown");
    Counter.builder(METER)
        .description("Calls the provider refused for quota, by API and budget")
        .tag("api", api.name())
        .tag("budget", budget)
        .register(registry)
        .increment();
  }
}
