package dev.officeflow.graphsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.officeflow.graphsim.subscriptions.SubscriptionSettings;
import dev.officeflow.graphsim.throttle.ThrottleSettings;
import dev.officeflow.simkit.web.Json;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GraphSimMainTest {

  @Test
  void withoutAnAccountsFileItServesTheDemoAccount() throws Exception {
    GraphSimConfig config = GraphSimMain.config(Map.of("port", "0", "threads", "4"));

    assertThat(config.accounts()).containsExactly(GraphSimMain.DEMO);
    assertThat(GraphSimMain.DEMO.recentMessages()).isEqualTo(2000);
    assertThat(GraphSimMain.DEMO.events()).isEqualTo(300);
    assertThat(GraphSimMain.DEMO.contacts()).isEqualTo(200);
    assertThat(config.threads()).isEqualTo(4);
  }

  @Test
  void aConfigFileSetsAccountsThrottlingFaultsAndLifetimes() {
    GraphSimConfig config =
        GraphSimMain.fromFile(
            GraphSimConfig.defaults(),
            Json.MAPPER.readTree(
                """
                {"accounts": [{"email": "alice@acme.test", "seed": 7, "recentMessages": 10,
                               "grantedScopes": ["User.Read", "https://graph.microsoft.com/Mail.Read"]}],
                 "throttling": {"requestsPer10Minutes": 1200, "concurrentRequests": 2},
                 "faults": {"errorRate": 0.2, "statuses": [429, 503], "latencyMs": 40},
                 "deltaTokenLifetimeHours": 2,
                 "publicUrl": "http://graph-sim:8091"}
                """));

    assertThat(config.accounts()).hasSize(1);
    assertThat(config.accounts().get(0).grantedScopes())
        .containsExactlyInAnyOrder("User.Read", "Mail.Read");
    assertThat(config.throttling()).isEqualTo(new ThrottleSettings(1200, 1200, 2, true));
    assertThat(config.faults().statuses()).containsExactly(429, 503);
    assertThat(config.faults().latency()).isEqualTo(Duration.ofMillis(40));
    assertThat(config.deltaTokenLifetime()).isEqualTo(Duration.ofHours(2));
    assertThat(config.publicUrl()).isEqualTo("http://graph-sim:8091/");
  }

  @Test
  void aConfigFileSetsTheSubscriptionSettingsItNames() {
    GraphSimConfig config =
        GraphSimMain.fromFile(
            GraphSimConfig.defaults(),
            Json.MAPPER.readTree(
                """
                {"subscriptions": {"maxLifetimeMinutes": 60, "retryInitialMs": 100}}
                """));

    assertThat(config.subscriptions().maxLifetime()).isEqualTo(Duration.ofMinutes(60));
    assertThat(config.subscriptions().retryInitial()).isEqualTo(Duration.ofMillis(100));
    assertThat(config.subscriptions().maxPerMailbox())
        .isEqualTo(SubscriptionSettings.defaults().maxPerMailbox());
  }

  @Test
  void aBadSubscriptionSettingInAConfigFileIsRefusedByName() {
    assertThatThrownBy(
            () ->
                GraphSimMain.fromFile(
                    GraphSimConfig.defaults(),
                    Json.MAPPER.readTree("{\"subscriptions\": {\"senderThreads\": 0}}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("senderThreads");
  }

  @Test
  void anUnknownOptionIsRefusedWithTheUsage() {
    assertThatThrownBy(() -> GraphSimMain.options(new String[] {"--prot", "8091"}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("usage:");
  }
}
