package dev.officeflow.office.providers.microsoft;

import static org.assertj.core.api.Assertions.assertThat;

import dev.officeflow.graphsim.GraphSim;
import dev.officeflow.graphsim.GraphSimConfig;
import dev.officeflow.graphsim.account.AccountSpec;
import dev.officeflow.graphsim.faults.FaultSettings;
import dev.officeflow.office.testing.OfficeInstance;
import dev.officeflow.office.testing.OfficeProperties;
import dev.officeflow.office.testing.RunsAlone;
import dev.officeflow.runtime.testing.IsolatedCatalog;
import dev.officeflow.testsupport.Infrastructure;
import dev.officeflow.testsupport.IntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Graph's 4 concurrent requests per app and mailbox, held across office instances: two instances
 * (one database, one Redis) each send 8 concurrent Graph calls for each of 2 mailboxes, against
 * graph-sim with 100 ms of latency, which refuses a fifth call in flight with 429 {@code
 * MailboxConcurrency}. None is refused.
 */
@IntegrationTest
@RunsAlone
class MailboxConcurrencyIT {

  private static final List<String> USERS =
      List.of("ivy.busy@contoso.test", "jon.busy@contoso.test");

  private static GraphSim sim;
  private static OfficeInstance first;
  private static OfficeInstance second;

  @BeforeAll
  static void twoInstances() {
    GraphSimConfig config =
        GraphSimConfig.defaults()
            .withPort(0)
            .withFaults(FaultSettings.none().withLatency(Duration.ofMillis(100)));
    for (String user : USERS) {
      config = config.withAccount(AccountSpec.of(user));
    }
    sim = GraphSim.start(config);
    Map<String, Object> shared =
        OfficeProperties.microsoft(
            IsolatedCatalog.apply(), Infrastructure.createDatabase("office"), sim);
    first = OfficeInstance.start(OfficeProperties.instance(shared, "first"));
    second = OfficeInstance.start(OfficeProperties.instance(shared, "second"));
  }

  @AfterAll
  static void stop() throws Exception {
    first.close();
    second.close();
    sim.close();
  }

  @Test
  void concurrentCallersOfTwoInstancesNeverExceedFourPerMailbox() {
    List<String> answered =
        Flux.fromIterable(USERS)
            .flatMap(user -> Flux.range(0, 8).flatMap(i -> Flux.just(first, second).map(o -> user)))
            .zipWith(Flux.range(0, Integer.MAX_VALUE))
            .flatMap(t -> me(t.getT2() % 2 == 0 ? first : second, t.getT1()), 64)
            .collectList()
            .block(Duration.ofSeconds(60));

    assertThat(answered).hasSize(32);
    assertThat(sim.admin().stats().throttled().getOrDefault("MailboxConcurrency", 0L)).isZero();
    assertThat(sim.admin().stats().status(429)).isZero();
  }

  private static Mono<String> me(OfficeInstance office, String user) {
    MicrosoftClient client = office.bean(MicrosoftClient.class);
    return client
        .open(user)
        .flatMap(session -> client.call(session, "me", s -> s.graph().me().get().getMail()));
  }
}
