package dev.officeflow.googlesim.quota;

import static org.assertj.core.api.Assertions.assertThat;

import dev.officeflow.googlesim.web.ApiKind;
import dev.officeflow.testsupport.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class QuotasTest {

  private final MutableClock clock = MutableClock.at("2026-11-20T12:00:00Z");

  /** Per user 60 units a minute (1/s, 10 held); the project 90 (1.5/s, 15 held). */
  private final Quotas quotas =
      new Quotas(
          QuotaSettings.defaults().withGmailUnitsPerMinute(60).withProjectGmailUnitsPerMinute(90),
          clock);

  @Test
  void aCallRefusedByItsUsersBudgetTakesNothingFromTheProjects() {
    charge("alice", 5);
    charge("alice", 5);

    QuotaDecision refused = quotas.charge("alice", ApiKind.GMAIL, 5);

    assertThat(refused.refusedBy()).isEqualTo(QuotaBudget.USER);
    assertThat(quotas.projectAvailable(ApiKind.GMAIL)).isEqualTo(5.0);
  }

  @Test
  void aCallRefusedByTheProjectsBudgetTakesNothingFromItsUsers() {
    charge("alice", 10);
    charge("bob", 5);

    QuotaDecision refused = quotas.charge("bob", ApiKind.GMAIL, 5);
    clock.advance(Duration.ofSeconds(4));

    // 4 s later the project holds 6 and bob 9 (had the refusal charged him: 4, refused again).
    assertThat(refused.refusedBy()).isEqualTo(QuotaBudget.PROJECT);
    assertThat(refused.retryAfter()).isEqualTo(Duration.ofNanos(3_333_333_334L));
    assertThat(quotas.charge("bob", ApiKind.GMAIL, 5).allowed()).isTrue();
  }

  @Test
  void whenBothBudgetsAreSpentTheOneThatBindsLongerRefuses() {
    charge("alice", 10);
    charge("bob", 5);
    clock.advance(Duration.ofSeconds(1));

    // Alice holds 1 (4 s to 5), the project 1.5 (about 2.3 s to 5): her own budget binds.
    QuotaDecision refused = quotas.charge("alice", ApiKind.GMAIL, 5);

    assertThat(refused.refusedBy()).isEqualTo(QuotaBudget.USER);
    assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(4));
  }

  @Test
  void concurrentCallersOfManyUsersNeverSpendMoreThanTheProjectHolds() throws Exception {
    Quotas wide = new Quotas(QuotaSettings.defaults().withProjectGmailUnitsPerMinute(600), clock);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Callable<Integer>> callers = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      String user = "user" + t + "@acme.test";
      callers.add(() -> allowed(wide, user, 200));
    }
    int allowed = 0;
    try {
      for (Future<Integer> f : pool.invokeAll(callers)) {
        allowed += f.get();
      }
    } finally {
      pool.shutdown();
    }

    // The project holds 100 units (600 a minute, 10 s of burst) and the clock stands still.
    assertThat(allowed).isEqualTo(100);
    assertThat(wide.projectAvailable(ApiKind.GMAIL)).isZero();
  }

  @Test
  void eachApiHasItsOwnProjectBudget() {
    charge("alice", 10);
    charge("bob", 5);

    assertThat(quotas.charge("bob", ApiKind.CALENDAR, 1).allowed()).isTrue();
    assertThat(quotas.projectAvailable(ApiKind.GMAIL)).isZero();
  }

  @Test
  void newSettingsStartTheProjectsBucketsFullAgain() {
    charge("alice", 10);
    charge("bob", 5);

    quotas.configure(quotas.settings().withProjectGmailUnitsPerMinute(120));

    assertThat(quotas.projectAvailable(ApiKind.GMAIL)).isEqualTo(20.0);
  }

  private void charge(String user, int cost) {
    assertThat(quotas.charge(user, ApiKind.GMAIL, cost).allowed()).as(user).isTrue();
  }

  private static int allowed(Quotas quotas, String user, int calls) {
    int allowed = 0;
    for (int i = 0; i < calls; i++) {
      if (quotas.charge(user, ApiKind.GMAIL, 1).allowed()) {
        allowed++;
      }
    }
    return allowed;
  }
}
