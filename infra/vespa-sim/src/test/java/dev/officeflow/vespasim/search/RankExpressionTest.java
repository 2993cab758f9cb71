package dev.officeflow.vespasim.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RankExpressionTest {

  /** The recency profile of infra/vespa/schemas, as written there. */
  private static final Map<String, String> RECENCY =
      Map.of(
          "text_score", "bm25(title) + bm25(content)",
          "age_days", "max(0, now - attribute(last_updated) / 1000) / 86400",
          "recency_boost", "pow(0.5, age_days / 30)");

  @Test
  void theRecencyBoostHalvesEveryThirtyDays() {
    RankExpression expression = RankExpression.compile("text_score + 5 * recency_boost", RECENCY);
    double now = 100 * 86400;

    double fresh = expression.evaluate(features(1.5, now * 1000, now));
    double monthOld = expression.evaluate(features(1.5, (now - 30 * 86400) * 1000, now));

    assertThat(fresh).isCloseTo(3 + 5, within(1e-9));
    assertThat(monthOld).isCloseTo(3 + 2.5, within(1e-9));
  }

  @Test
  void anUnknownFeatureFailsAtCompileTime() {
    assertThatThrownBy(() -> RankExpression.compile("nativeRank(title)", Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nativeRank");
  }

  @Test
  void aFunctionCallingItselfFailsAtCompileTime() {
    assertThatThrownBy(() -> RankExpression.compile("f", Map.of("f", "f + 1")))
        .hasMessageContaining("calls itself");
  }

  private static RankExpression.Features features(double bm25, double lastUpdated, double now) {
    return new RankExpression.Features() {
      @Override
      public double bm25(String field) {
        return bm25;
      }

      @Override
      public double attribute(String field) {
        return lastUpdated;
      }

      @Override
      public double now() {
        return now;
      }
    };
  }
}
