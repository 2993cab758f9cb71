package dev.officeflow.vespaloader;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.officeflow.runtime.testing.ProductionGuardContract;
import dev.officeflow.testsupport.IntegrationTest;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The loader in production: it starts with real settings, and refuses each development default. */
@IntegrationTest
class ProductionStartIT extends ProductionGuardContract {

  /** CORS names origins: a wildcard would let any site's page call the search. */
  @Test
  void aWildcardOriginStopsTheStart() {
    assertThatThrownBy(
            () -> start(Map.of("officeflow.vespa-loader.search.allowed-origins", "*")).close())
        .hasStackTraceContaining("allowed-origins must name origins, not *");
  }

  @Override
  protected Class<?> application() {
    return VespaLoaderApplication.class;
  }

  @Override
  protected Map<String, Object> realSettings() {
    return Map.of(
        "officeflow.vespa-loader.feed.endpoints", "https://vespa.officeflow.example/",
        "officeflow.vespa-loader.search.endpoint", "https://vespa-query.officeflow.example/",
        "officeflow.vespa-loader.search.cursor-key", "a-production-search-cursor-key-of-32-chars",
        "officeflow.security.user-jwt.jwk-set-uri",
            "https://user.officeflow.example/.well-known/jwks.json",
        "officeflow.security.credential", "a-production-vespa-loader-credential",
        "officeflow.security.callers.operator", "a-production-operator-credential");
  }

  @Override
  protected boolean usesDatabase() {
    return false;
  }

  @Override
  protected Stream<Offender> developmentDefaults() {
    return Stream.of(
        offender(
            "officeflow.security.credential",
            "local-dev-vespa-loader-token",
            "officeflow.security.credential has its development value"),
        offender(
            "officeflow.security.callers.operator",
            "local-dev-operator-token",
            "officeflow.security.callers.operator has its development value"),
        offender(
            "officeflow.vespa-loader.feed.endpoints",
            "http://127.0.0.1:8080/",
            "officeflow.vespa-loader.feed.endpoints has its development value"),
        offender(
            "officeflow.vespa-loader.feed.endpoints",
            "http://localhost:19071/",
            "points at this machine"),
        offender(
            "officeflow.vespa-loader.feed.endpoints",
            "",
            "officeflow.vespa-loader.feed.endpoints is not set"),
        offender(
            "officeflow.vespa-loader.search.endpoint",
            "http://127.0.0.1:8080/",
            "officeflow.vespa-loader.search.endpoint has its development value"),
        offender(
            "officeflow.vespa-loader.search.endpoint",
            "",
            "officeflow.vespa-loader.search.endpoint is not set"),
        offender(
            "officeflow.vespa-loader.search.cursor-key",
            "officeflow-local-search-cursor-key",
            "officeflow.vespa-loader.search.cursor-key has its development value"),
        offender(
            "officeflow.vespa-loader.search.cursor-key",
            "",
            "officeflow.vespa-loader.search.cursor-key is not set"),
        offender(
            "officeflow.security.user-jwt.jwk-set-uri",
            "http://127.0.0.1:8081/.well-known/jwks.json",
            "officeflow.security.user-jwt.jwk-set-uri has its development value"),
        offender(
            "officeflow.security.user-jwt.jwk-set-uri",
            "",
            "officeflow.security.user-jwt.jwk-set-uri is not set"),
        offender(
            "officeflow.vespa-loader.search.allowed-origins",
            "http://127.0.0.1:8083",
            "officeflow.vespa-loader.search.allowed-origins has its development value"),
        offender(
            "officeflow.vespa-loader.search.allowed-origins",
            "https://officeflow.example.com, http://localhost:9000",
            "officeflow.vespa-loader.search.allowed-origins points at this machine"),
        offender("officeflow.guard.allow-emulator", false, "the Pub/Sub emulator"));
  }
}
