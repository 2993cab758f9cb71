package dev.officeflow.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The reference's product names are read as officeflow's providers. */
class ProvidersTest {

  @Test
  void productNamesMapToTheirProvider() {
    assertThat(Providers.canonical("gmail")).isEqualTo("google");
    assertThat(Providers.canonical(" Google ")).isEqualTo("google");
    assertThat(Providers.canonical("outlook")).isEqualTo("microsoft");
    assertThat(Providers.canonical("Office365")).isEqualTo("microsoft");
  }

  @Test
  void anUnknownProviderStaysAsItIs() {
    assertThat(Providers.canonical("fastmail")).isEqualTo("fastmail");
  }

  @Test
  void theSameItemNamedBothWaysHasOneIdempotencyKey() {
    EmailEvent google = EventFixtures.emailEvent("u1", "m1");
    EmailEvent gmail =
        new EmailEvent(
            google.metadata(),
            google.userId(),
            google.operation(),
            google.batchId(),
            google.lastUpdated(),
            google.syncTimestamp(),
            "gmail",
            google.syncType(),
            google.email(),
            null);

    assertThat(IdempotencyKeys.version(gmail)).isEqualTo(IdempotencyKeys.version(google));
  }
}
