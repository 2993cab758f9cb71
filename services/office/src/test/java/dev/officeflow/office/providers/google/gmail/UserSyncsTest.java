package dev.officeflow.office.providers.google.gmail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.officeflow.office.streaming.StreamingMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

class UserSyncsTest {

  private final List<Sinks.One<SyncResult>> reads = new ArrayList<>();
  private final AtomicInteger started = new AtomicInteger();
  private final StreamingMetrics metrics = new StreamingMetrics(new SimpleMeterRegistry(), "gmail");
  private final UserSyncs syncs =
      new UserSyncs(
          user -> {
            started.incrementAndGet();
            Sinks.One<SyncResult> read = Sinks.one();
            reads.add(read);
            return read.asMono();
          },
          metrics);

  @Test
  void requestsDuringARunningReadShareOneFollowingRead() {
    Mono<SyncResult> first = syncs.request("u").cache();
    first.subscribe();
    List<Mono<SyncResult>> waiting = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      Mono<SyncResult> m = syncs.request("u").cache();
      m.subscribe();
      waiting.add(m);
    }
    assertThat(started).hasValue(1);

    reads.get(0).tryEmitValue(SyncResult.synced(10));
    assertThat(first.block()).isEqualTo(SyncResult.synced(10));
    assertThat(started).hasValue(2);
    reads.get(1).tryEmitValue(SyncResult.synced(20));

    assertThat(waiting).allSatisfy(m -> assertThat(m.block()).isEqualTo(SyncResult.synced(20)));
    assertThat(started).hasValue(2);
    assertThat(metrics.coalesced.count()).isEqualTo(9);
  }

  @Test
  void differentUsersReadIndependently() {
    syncs.request("u").subscribe();
    syncs.request("v").subscribe();

    assertThat(started).hasValue(2);
  }
}
