package dev.officeflow.runtime.consume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class ByteBudgetTest {

  private final ByteBudget budget = new ByteBudget(100);
  private final List<String> started = new CopyOnWriteArrayList<>();

  @Test
  void whatFitsStartsAtOnce() {
    budget.acquire(60, () -> started.add("a"));
    budget.acquire(40, () -> started.add("b"));

    assertThat(started).containsExactly("a", "b");
    assertThat(budget.used()).isEqualTo(100);
  }

  @Test
  void whatDoesNotFitWaitsForARelease() {
    budget.acquire(60, () -> started.add("a"));
    budget.acquire(60, () -> started.add("b"));
    assertThat(started).containsExactly("a");
    assertThat(budget.waiting()).isEqualTo(1);

    budget.release(60);

    await().atMost(Duration.ofSeconds(5)).until(() -> started.size() == 2);
    assertThat(budget.used()).isEqualTo(60);
  }

  @Test
  void waitersStartInArrivalOrderEvenWhenASmallerOneWouldFit() {
    budget.acquire(90, () -> started.add("a"));
    budget.acquire(50, () -> started.add("b"));
    budget.acquire(5, () -> started.add("c"));

    assertThat(started).containsExactly("a");
    budget.release(90);
    await().atMost(Duration.ofSeconds(5)).until(() -> started.size() == 3);
    assertThat(started).containsExactly("a", "b", "c");
  }

  @Test
  void aMessageLargerThanTheWholeBudgetRunsAlone() {
    budget.acquire(10, () -> started.add("a"));
    budget.acquire(500, () -> started.add("huge"));
    assertThat(started).containsExactly("a");

    budget.release(10);

    await().atMost(Duration.ofSeconds(5)).until(() -> started.contains("huge"));
    assertThat(budget.used()).isEqualTo(500);
  }
}
