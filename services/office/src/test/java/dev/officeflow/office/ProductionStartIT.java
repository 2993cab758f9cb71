package dev.officeflow.office;

import dev.officeflow.runtime.testing.ProductionGuardContract;
import dev.officeflow.testsupport.IntegrationTest;
import java.util.Map;
import java.util.stream.Stream;

/** The office in production: it starts with real settings, and refuses each development default. */
@IntegrationTest
class ProductionStartIT extends ProductionGuardContract {

  @Override
  protected Class<?> application() {
    return OfficeApplication.class;
  }

  @Override
  protected Map<String, Object> realSettings() {
    return Map.of(
        "officeflow.office.tokens.user-service-url", "https://user.officeflow.example",
        "officeflow.office.streaming.calendar.webhook-base-url",
            "https://office.officeflow.example",
        "officeflow.office.streaming.microsoft.webhook-base-url",
            "https://office.officeflow.example",
        "officeflow.security.credential", "a-production-office-credential",
        "officeflow.office.backfill.scheduler-enabled", false);
  }

  @Override
  protected Stream<Offender> developmentDefaults() {
    return Stream.of(
        offender(
            "officeflow.security.credential",
            "local-dev-office-token",
            "officeflow.security.credential has its development value"),
        offender(
            "officeflow.office.google.root-url",
            "http://127.0.0.1:8090/",
            "officeflow.office.google.root-url has its development value"),
        offender(
            "officeflow.office.tokens.source",
            "google-sim",
            "officeflow.office.tokens.source has its development value"),
        offender(
            "officeflow.office.tokens.user-service-url",
            "",
            "officeflow.office.tokens.user-service-url is not set"),
        offender(
            "officeflow.office.streaming.calendar.webhook-base-url",
            "http://localhost:8082",
            "points at this machine"),
        offender(
            "officeflow.office.streaming.microsoft.webhook-base-url",
            "http://localhost:8082",
            "points at this machine"),
        offender(
            "officeflow.office.streaming.microsoft.webhook-base-url",
            "",
            "officeflow.office.streaming.microsoft.webhook-base-url is not set"),
        offender(
            "officeflow.office.streaming.microsoft.webhook-base-url",
            "http://office.officeflow.example",
            "must be https"),
        offender(
            "officeflow.office.streaming.microsoft.webhook-base-url",
            "https://10.1.2.3",
            "must name a public host"),
        offender(
            "officeflow.office.streaming.microsoft.webhook-base-url",
            "https://office.officeflow.example?secret=1",
            "must not carry user info, a query or a fragment"),
        offender("officeflow.guard.allow-emulator", false, "the Pub/Sub emulator"),
        offender(
            "officeflow.guard.database-iam-authentication",
            false,
            "spring.r2dbc.password is empty"));
  }
}
