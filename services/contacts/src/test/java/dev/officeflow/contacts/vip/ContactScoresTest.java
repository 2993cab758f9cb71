package dev.officeflow.contacts.vip;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ContactScoresTest {

  /** What the factors were written with before: the stored and served text must not change. */
  private static String formatted(VipScore.Factors f) {
    return String.format(
        Locale.ROOT,
        "{\"email_sent\":%.6f,\"email_received\":%.6f,\"email_shared\":%.6f,\"meetings\":%.6f,"
            + "\"two_way\":%b,\"one_way_penalty\":%.4f,\"automated\":%b}",
        f.emailSent(),
        f.emailReceived(),
        f.emailShared(),
        f.meetings(),
        f.twoWay(),
        f.oneWayPenalty(),
        f.automated());
  }

  @Test
  void factorsAreWrittenAsFormatWouldWriteThem() {
    Random random = new Random(7);
    for (int i = 0; i < 20_000; i++) {
      VipScore.Factors f =
          new VipScore.Factors(
              value(random),
              value(random),
              value(random),
              value(random),
              random.nextBoolean(),
              random.nextDouble(),
              random.nextBoolean());

      assertThat(ContactScores.json(f)).as("%s", f).isEqualTo(formatted(f));
    }
  }

  @Test
  void halvesRoundUpAndTheResultIsJson() {
    VipScore.Factors f = new VipScore.Factors(0.0000005, 2.5e-7, 1e6, 0, true, 0.00005, false);

    assertThat(ContactScores.json(f)).isEqualTo(formatted(f));
    assertThat(JsonMapper.builder().build().readTree(ContactScores.json(f)).size()).isEqualTo(7);
  }

  /** Spread over magnitudes, with exact halves at the sixth decimal now and then. */
  private static double value(Random random) {
    return switch (random.nextInt(4)) {
      case 0 -> random.nextDouble() * Math.pow(10, random.nextInt(8) - 4);
      case 1 -> (random.nextInt(2_000_000) + 0.5) / 1e6;
      case 2 -> random.nextInt(1000);
      default -> 0;
    };
  }
}
