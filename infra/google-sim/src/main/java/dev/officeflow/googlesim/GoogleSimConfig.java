package dev.officeflow.googlesim;

import dev.officeflow.googlesim.account.AccountSpec;
import dev.officeflow.googlesim.faults.FaultSettings;
import dev.officeflow.googlesim.push.PubsubTarget;
import dev.officeflow.googlesim.quota.QuotaSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How to start a simulator. Defaults: {@code 127.0.0.1:8090}, 16 worker threads, the system UTC
 * clock, no accounts, {@link QuotaSettings#defaults()}, no faults, no Pub/Sub (Gmail watches are
 * accepted but publish nothing), 7 days of Gmail history, People sync tokens valid 7 days after
 * their full sync, ID tokens issued by the simulator's own address.
 *
 * @param port 0 picks a free port
 * @param clock drives token expiry, quotas, watch and channel expiry, history retention and the
 *     generator's anchor
 * @param issuer the {@code iss} of the ID tokens it signs; null means {@code http://<host>:<port>}
 *     (what a client that calls it by that address expects). Set it when clients reach the
 *     simulator by another name (a container's, a proxy's).
 * @param peopleSyncTokenLifetime how long after the full sync that started it a People API sync
 *     token is accepted (Google documents 7 days); later it answers EXPIRED_SYNC_TOKEN
 */
public record GoogleSimConfig(
    String host,
    int port,
    int threads,
    Clock clock,
    List<AccountSpec> accounts,
    QuotaSettings quota,
    FaultSettings faults,
    @Nullable PubsubTarget pubsub,
    Duration historyRetention,
    @Nullable String issuer,
    Duration peopleSyncTokenLifetime) {

  public GoogleSimConfig {
    accounts = List.copyOf(accounts);
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1");
    }
    if (peopleSyncTokenLifetime.isNegative() || peopleSyncTokenLifetime.isZero()) {
      throw new IllegalArgumentException("the People sync token lifetime must be positive");
    }
  }

  public static GoogleSimConfig defaults() {
    return new GoogleSimConfig(
        "127.0.0.1",
        8090,
        16,
        Clock.systemUTC(),
        List.of(),
        QuotaSettings.defaults(),
        FaultSettings.none(),
        null,
        Duration.ofDays(7),
        null,
        Duration.ofDays(7));
  }

  public GoogleSimConfig withPort(int newPort) {
    return new GoogleSimConfig(
        host,
        newPort,
        threads,
        clock,
        accounts,
        quota,
        faults,
        pubsub,
        historyRetention,
        issuer,
        peopleSyncTokenLifetime);
  }

  public GoogleSimConfig withHost(String newHost) {
    return new GoogleSimConfig(
        newHost,
        port,
        threads,
        clock,
        accounts,
        quota,
        faults,
        pubsub,
        historyRetention,
        issuer,
        peopleSyncTokenLifetime);
  }

  public GoogleSimConfig withThreads(int newThreads) {
    return new GoogleSimConfig(
        host,
        port,
        newThreads,
        clock,
        accounts,
        quota,
        faults,
        pubsub,
        historyRetention,
        issuer,
        peopleSyncTokenLifetime);
  }

  public GoogleSimConfig withClock(Clock newClock) {
    return new GoogleSimConfig(
        host,
        port,
        threads,
        newClock,
        accounts,
        quota,
        faults,
        pubsub,
        historyRetention,
        issuer,
        peopleSyncTokenLifetime);
  }

  /** Adds one account to those created at start. */
  public GoogleSimConfig withAccount(AccountSpec account) {
    List<AccountSpec> all = new ArrayList<>(accounts);
    all.add(account);
    return new GoogleSimConfig(
        host,
        port,
        threads,
        clock,
        all,
        quota,
        faults,
        pubsub,
        historyRetention,
        issuer,
        peopleSyncTokenLifetime);
  }

  public GoogleSimConfig withAccounts(List<AccountSpec> newAccounts) {
    return new GoogleSimConfig(
        host,
        port,
        threads,
        clock,
        newAccounts,
        quota,
        faults,
        pubsub,
        historyRetention,
        issuer,
        peopleSyncTokenLifetime);
  }

  public GoogleSimConfig withQuota(QuotaSettings newQuota) {
    return new GoogleSimConfig(
        host,
        port,
        threads,
        clock,
        accounts,
        newQuota,
        faults,
        pubsub,
        historyRetention,
        issuer,
        peopleSyncTokenLifetime);
  }

  public GoogleSimConfig withFaults(FaultSettings newFaults) {
    return new GoogleSimConfig(
        host,
        port,
        threads,
        clock,
        accounts,
        quota,
        newFaults,
        pubsub,
        historyRetention,
        issuer,
        peopleSyncTokenLifetime);
  }

  public GoogleSimConfig withPubsub(@Nullable PubsubTarget target) {
    return new GoogleSimConfig(
        host,
        port,
        threads,
        clock,
        accounts,
        quota,
        faults,
        target,
        historyRetention,
        issuer,
        peopleSyncTokenLifetime);
  }

  public GoogleSimConfig withHistoryRetention(Duration retention) {
    return new GoogleSimConfig(
        host,
        port,
        threads,
        clock,
        accounts,
        quota,
        faults,
        pubsub,
        retention,
        issuer,
        peopleSyncTokenLifetime);
  }

  /** The {@code iss} of the ID tokens; null for the simulator's own address. */
  public GoogleSimConfig withIssuer(@Nullable String newIssuer) {
    return new GoogleSimConfig(
        host,
        port,
        threads,
        clock,
        accounts,
        quota,
        faults,
        pubsub,
        historyRetention,
        newIssuer,
        peopleSyncTokenLifetime);
  }

  /** How long after its full sync a People sync token is accepted. */
  public GoogleSimConfig withPeopleSyncTokenLifetime(Duration lifetime) {
    return new GoogleSimConfig(
        host,
        port,
        threads,
        clock,
        accounts,
        quota,
        faults,
        pubsub,
        historyRetention,
        issuer,
        lifetime);
  }
}
