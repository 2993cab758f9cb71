package dev.officeflow.graphsim;

import dev.officeflow.graphsim.account.AccountSpec;
import dev.officeflow.graphsim.faults.FaultSettings;
import dev.officeflow.graphsim.identity.IdentityPlatform;
import dev.officeflow.graphsim.identity.Tenant;
import dev.officeflow.graphsim.subscriptions.SubscriptionSettings;
import dev.officeflow.graphsim.throttle.ThrottleSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * How to start a simulator. Defaults: {@code 127.0.0.1:8091}, 16 worker threads, the system UTC
 * clock, no accounts, Outlook's throttling ({@link ThrottleSettings#defaults()}), no faults,
 * Graph's subscription rules ({@link SubscriptionSettings#defaults()}), delta tokens valid 7 days,
 * access tokens one hour, the sim's fixed tenant, URLs from its own address.
 *
 * @param port 0 picks a free port
 * @param clock drives token expiry, throttling budgets, delta token expiry and the generator's
 *     anchor
 * @param subscriptions how change-notification subscriptions behave: lifetime, limits, handshake
 *     and delivery timeouts, retries, sender threads
 * @param deltaTokenLifetime how long a delta token stays usable; later it answers 410 {@code
 *     syncStateNotFound}
 * @param publicUrl the base URL clients reach the simulator by, with a trailing slash (a
 *     container's name, a proxy); null means {@code http://<host>:<port>/}. Issuers and the
 *     discovery document name it.
 */
public record GraphSimConfig(
    String host,
    int port,
    int threads,
    Clock clock,
    List<AccountSpec> accounts,
    ThrottleSettings throttling,
    FaultSettings faults,
    SubscriptionSettings subscriptions,
    Duration deltaTokenLifetime,
    Duration accessTokenLifetime,
    String tenantId,
    @Nullable String publicUrl) {

  public GraphSimConfig {
    accounts = List.copyOf(accounts);
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1");
    }
    if (deltaTokenLifetime.isNegative()
        || deltaTokenLifetime.isZero()
        || accessTokenLifetime.isNegative()
        || accessTokenLifetime.isZero()) {
      throw new IllegalArgumentException("token lifetimes must be positive");
    }
    if (publicUrl != null && !publicUrl.endsWith("/")) {
      publicUrl = publicUrl + "/";
    }
  }

  public static GraphSimConfig defaults() {
    return new GraphSimConfig(
        "127.0.0.1",
        8091,
        16,
        Clock.systemUTC(),
        List.of(),
        ThrottleSettings.defaults(),
        FaultSettings.none(),
        SubscriptionSettings.defaults(),
        Duration.ofDays(7),
        IdentityPlatform.DEFAULT_ACCESS_TOKEN_LIFETIME,
        Tenant.DEFAULT_ID,
        null);
  }

  /** Adds one account to those created at start. */
  public GraphSimConfig withAccount(AccountSpec account) {
    List<AccountSpec> all = new ArrayList<>(accounts);
    all.add(account);
    return withAccounts(all);
  }

  public GraphSimConfig withHost(String v) {
    return copy(c -> c.host = v);
  }

  public GraphSimConfig withPort(int v) {
    return copy(c -> c.port = v);
  }

  public GraphSimConfig withThreads(int v) {
    return copy(c -> c.threads = v);
  }

  public GraphSimConfig withClock(Clock v) {
    return copy(c -> c.clock = v);
  }

  public GraphSimConfig withAccounts(List<AccountSpec> v) {
    return copy(c -> c.accounts = v);
  }

  public GraphSimConfig withThrottling(ThrottleSettings v) {
    return copy(c -> c.throttling = v);
  }

  public GraphSimConfig withFaults(FaultSettings v) {
    return copy(c -> c.faults = v);
  }

  public GraphSimConfig withSubscriptions(SubscriptionSettings v) {
    return copy(c -> c.subscriptions = v);
  }

  public GraphSimConfig withDeltaTokenLifetime(Duration v) {
    return copy(c -> c.deltaTokenLifetime = v);
  }

  public GraphSimConfig withAccessTokenLifetime(Duration v) {
    return copy(c -> c.accessTokenLifetime = v);
  }

  public GraphSimConfig withTenantId(String v) {
    return copy(c -> c.tenantId = v);
  }

  /** The base URL clients use; null for {@code http://<host>:<port>/}. */
  public GraphSimConfig withPublicUrl(@Nullable String v) {
    return copy(c -> c.publicUrl = v);
  }

  /** This config with what {@code change} sets changed: every wither's one constructor call. */
  private GraphSimConfig copy(Consumer<Copy> change) {
    Copy c = new Copy(this);
    change.accept(c);
    return c.build();
  }

  /**
   * The components as fields, for {@link #copy}; the canonical constructor validates the result.
   */
  private static final class Copy {
    private String host;
    private int port;
    private int threads;
    private Clock clock;
    private List<AccountSpec> accounts;
    private ThrottleSettings throttling;
    private FaultSettings faults;
    private SubscriptionSettings subscriptions;
    private Duration deltaTokenLifetime;
    private Duration accessTokenLifetime;
    private String tenantId;
    private @Nullable String publicUrl;

    private Copy(GraphSimConfig c) {
      host = c.host;
      port = c.port;
      threads = c.threads;
      clock = c.clock;
      accounts = c.accounts;
      throttling = c.throttling;
      faults = c.faults;
      subscriptions = c.subscriptions;
      deltaTokenLifetime = c.deltaTokenLifetime;
      accessTokenLifetime = c.accessTokenLifetime;
      tenantId = c.tenantId;
      publicUrl = c.publicUrl;
    }

    private GraphSimConfig build() {
      return new GraphSimConfig(
          host,
          port,
          threads,
          clock,
          accounts,
          throttling,
          faults,
          subscriptions,
          deltaTokenLifetime,
          accessTokenLifetime,
          tenantId,
          publicUrl);
    }
  }
}
