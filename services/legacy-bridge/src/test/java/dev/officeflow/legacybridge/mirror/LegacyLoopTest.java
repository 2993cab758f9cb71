package dev.officeflow.legacybridge.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import dev.officeflow.events.Operation;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class LegacyLoopTest {

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final LegacyLoop loop = new LegacyLoop(MirrorFixtures.BRIDGE, meters);
  private final LegacyShapes shapes = new LegacyShapes("0.1.0");

  @Test
  void theBridgesTypedEventsAreToldByTheirSourceAndTheOfficesAreNot() {
    var office = MirrorFixtures.email("u1", "m1", Operation.UPDATE);

    assertThat(loop.bridged(office.metadata())).isFalse();
    assertThat(loop.bridged(MirrorFixtures.bridged(office).metadata())).isTrue();
  }

  @Test
  void theMirrorsLegacyMessagesAreToldByTheirSourceAndTheReferencesAreNot() {
    var office = MirrorFixtures.email("u1", "m2", Operation.UPDATE);

    assertThat(loop.mirrored(shapes.of(office, "a1b2c3d4e5f60718").event().metadata())).isTrue();
    assertThat(loop.mirrored(office.metadata())).isFalse();
  }

  @Test
  void skipsAreCountedBySideAndTopic() {
    loop.skipped(LegacyLoop.BRIDGE_SIDE, "email-updates");
    loop.skipped(LegacyLoop.BRIDGE_SIDE, "email-updates");
    loop.skipped(LegacyLoop.MIRROR_SIDE, "emails");

    assertThat(loop.skips(LegacyLoop.BRIDGE_SIDE, "email-updates")).isEqualTo(2);
    assertThat(
            meters
                .get("officeflow.legacy.loop.skipped")
                .tag("side", "mirror")
                .tag("topic", "emails")
                .counter()
                .count())
        .isEqualTo(1);
  }
}
