package dev.officeflow.office.providers.google;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.officeflow.office.quota.QuotaBudget;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Google's budgets as bound from {@code officeflow.office.quota.*}. */
class GoogleQuotaTest {

  private static GoogleQuota bind(Map<String, String> properties) {
    return new Binder(new MapConfigurationPropertySource(properties))
        .bindOrCreate("officeflow.office.quota", GoogleQuota.class);
  }

  @Test
  void absentProjectLimitsAreGooglesDocumentedOnes() {
    GoogleQuota quota = bind(Map.of());

    assertThat(quota.gmail()).isEqualTo(new QuotaBudget("gmail", 6000, 1_200_000));
    assertThat(quota.calendar()).isEqualTo(new QuotaBudget("calendar", 600, 10_000));
    assertThat(quota.people()).isEqualTo(new QuotaBudget("people", 90, 600));
  }

  @Test
  void configuredProjectLimitsArePacedOn() {
    GoogleQuota quota =
        bind(
            Map.of(
                "officeflow.office.quota.gmail-project-units-per-minute", "12000",
                "officeflow.office.quota.calendar-project-requests-per-minute", "1200",
                "officeflow.office.quota.people-project-requests-per-minute", "180"));

    assertThat(quota.gmail().projectPerMinute()).isEqualTo(12_000);
    assertThat(quota.calendar().projectPerMinute()).isEqualTo(1200);
    assertThat(quota.people().projectPerMinute()).isEqualTo(180);
  }

  @Test
  void aProjectLimitOfZeroIsRefusedNamingIt() {
    assertThatThrownBy(
            () -> bind(Map.of("officeflow.office.quota.gmail-project-units-per-minute", "0")))
        .hasRootCauseInstanceOf(IllegalArgumentException.class)
        .rootCause()
        .hasMessageContaining("per-project")
        .hasMessageContaining("gmail 0");
  }

  @Test
  void aBudgetWithoutAPositiveProjectLimitCannotBeDeclared() {
    assertThatThrownBy(() -> new QuotaBudget("gmail", 6000, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("per-project");
  }
}
