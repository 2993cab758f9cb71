package dev.officeflow.graphsim;

import static dev.officeflow.graphsim.GraphSimFixtures.ALICE;
import static dev.officeflow.graphsim.GraphSimFixtures.body;
import static org.assertj.core.api.Assertions.assertThat;

import dev.officeflow.graphsim.identity.Tenant;
import dev.officeflow.graphsim.subscriptions.SubscriptionSettings;
import dev.officeflow.testsupport.MutableClock;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class GraphSimTest {

  @Test
  void itsUrlsHangBelowItsOwnAddress() {
    try (GraphSim sim = GraphSimFixtures.start(MutableClock.at(GraphSimFixtures.NOW))) {
      String base = "http://127.0.0.1:" + sim.port() + "/";

      assertThat(sim.baseUrl()).isEqualTo(base);
      assertThat(sim.graphUrl()).isEqualTo(base + "v1.0");
      assertThat(sim.oauthUrl()).isEqualTo(base + Tenant.DEFAULT_ID + "/oauth2/v2.0/");
      assertThat(sim.issuer()).isEqualTo(base + Tenant.DEFAULT_ID + "/v2.0");
    }
  }

  @Test
  void aPublicUrlIsWhatIssuersAndDiscoveryName() {
    GraphSimConfig config =
        GraphSimConfig.defaults()
            .withClock(MutableClock.at(GraphSimFixtures.NOW))
            .withPublicUrl("http://graph-sim:8091")
            .withTenantId("11111111-2222-3333-4444-555555555555");
    try (GraphSim sim = GraphSimFixtures.start(config, GraphSimFixtures.small(ALICE))) {
      JsonNode discovery =
          body(
              GraphSimFixtures.send(
                  HttpRequest.newBuilder(
                          URI.create(
                              "http://127.0.0.1:"
                                  + sim.port()
                                  + "/11111111-2222-3333-4444-555555555555/v2.0/.well-known/"
                                  + "openid-configuration"))
                      .timeout(Duration.ofSeconds(30))
                      .build()));

      assertThat(sim.issuer())
          .isEqualTo("http://graph-sim:8091/11111111-2222-3333-4444-555555555555/v2.0");
      assertThat(discovery.path("issuer").asString()).isEqualTo(sim.issuer());
      assertThat(discovery.path("token_endpoint").asString()).startsWith("http://graph-sim:8091/");
    }
  }

  @Test
  void theConfiguredSubscriptionSettingsAreTheOnesInForce() {
    SubscriptionSettings settings =
        SubscriptionSettings.defaults().withReauthorizationLead(Duration.ofMinutes(30));
    GraphSimConfig config =
        GraphSimConfig.defaults()
            .withClock(MutableClock.at(GraphSimFixtures.NOW))
            .withSubscriptions(settings);
    try (GraphSim sim = GraphSimFixtures.start(config)) {

      assertThat(sim.subscriptions().settings()).isEqualTo(settings);
    }
  }

  @Test
  void theConfiguredAccountsExistBeforeItAnswers() {
    try (GraphSim sim =
        GraphSimFixtures.start(
            MutableClock.at(GraphSimFixtures.NOW),
            GraphSimFixtures.small(ALICE),
            GraphSimFixtures.small(GraphSimFixtures.BOB))) {

      assertThat(sim.admin().accounts()).hasSize(2);
      assertThat(sim.admin().account(ALICE).id()).matches("[0-9a-f-]{36}");
    }
  }
}
