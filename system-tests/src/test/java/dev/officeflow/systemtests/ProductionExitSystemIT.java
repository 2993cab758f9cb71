package dev.officeflow.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.officeflow.testsupport.IntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each service's jar, started as a deployment would start it but with nothing configured, exits
 * non-zero before it serves anything and names what is missing (ARCHITECTURE §8): production is the
 * default. Which setting names which offender is each service's ProductionStartIT.
 */
@IntegrationTest
class ProductionExitSystemIT {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "user, officeflow.user.google.client-secret is not set",
    "office, officeflow.office.tokens.user-service-url is not set",
    "contacts, officeflow.contacts.address.hash-key is not set",
    "vespa-loader, officeflow.vespa-loader.feed.endpoints is not set"
  })
  void anUnconfiguredServiceExitsNonZeroAndNamesWhatIsMissing(String service, String missing)
      throws Exception {
    Path logs = Files.createDirectories(Path.of("target", "production-exit"));
    int port = AppProcess.freePort();
    // OFFICEFLOW_ENVIRONMENT empty: whatever the machine running the tests sets, the default.
    try (AppProcess app =
        AppProcess.start(
            service,
            List.of("--server.port=" + port),
            port,
            logs,
            Map.of("OFFICEFLOW_ENVIRONMENT", ""))) {
      int exit = app.awaitExit(Duration.ofSeconds(120));

      String output = app.output();
      assertThat(exit).as(output).isNotZero();
      assertThat(output).contains("officeflow.environment is production").contains(missing);
      assertThat(output).as("refused before serving").doesNotContain("Netty started on port");
    }
  }
}
