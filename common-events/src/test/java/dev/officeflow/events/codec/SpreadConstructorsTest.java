package dev.officeflow.events.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

class SpreadConstructorsTest {

  private static final List<Boolean> VIA_INVOKE_WITH_ARGUMENTS = new CopyOnWriteArrayList<>();

  record Sample(String name, int count, List<String> tags) {
    Sample {
      if (count < 0) {
        throw new IllegalArgumentException("count must not be negative");
      }
      VIA_INVOKE_WITH_ARGUMENTS.add(
          StackWalker.getInstance(
                  Set.of(
                      StackWalker.Option.SHOW_HIDDEN_FRAMES,
                      StackWalker.Option.SHOW_REFLECT_FRAMES))
              .walk(
                  frames -> frames.anyMatch(f -> f.getMethodName().equals("invokeWithArguments"))));
    }
  }

  // Missing primitives as EventCodec reads them: the type's default.
  private final JsonMapper spreading =
      JsonMapper.builder()
          .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .addModule(new SpreadConstructors())
          .build();
  private final JsonMapper plain =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();

  @Test
  void recordsAreBuiltWithoutInvokeWithArguments() {
    VIA_INVOKE_WITH_ARGUMENTS.clear();
    String json = "{\"name\":\"a\",\"count\":2,\"tags\":[\"x\"]}";

    assertThat(spreading.readValue(json, Sample.class)).isEqualTo(new Sample("a", 2, List.of("x")));
    assertThat(plain.readValue(json, Sample.class)).isEqualTo(new Sample("a", 2, List.of("x")));

    // spreading, then the direct call in the assertion, then plain, then the direct call again
    assertThat(VIA_INVOKE_WITH_ARGUMENTS).containsExactly(false, false, true, false);
  }

  @Test
  void missingPrimitivesAndNullsArriveAsJacksonPassesThem() {
    assertThat(spreading.readValue("{\"name\":null}", Sample.class))
        .isEqualTo(plain.readValue("{\"name\":null}", Sample.class))
        .isEqualTo(new Sample(null, 0, null));
  }

  @Test
  void aConstructorsExceptionIsReportedAsWithoutTheModule() {
    String json = "{\"name\":\"a\",\"count\":-1}";
    Throwable expected = catchFrom(() -> plain.readValue(json, Sample.class));

    assertThatThrownBy(() -> spreading.readValue(json, Sample.class))
        .isExactlyInstanceOf(expected.getClass())
        .hasMessage(expected.getMessage())
        .hasRootCauseInstanceOf(IllegalArgumentException.class);
  }

  private static Throwable catchFrom(Runnable action) {
    try {
      action.run();
    } catch (RuntimeException e) {
      return e;
    }
    throw new AssertionError("no exception");
  }
}
