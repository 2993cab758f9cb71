package dev.officeflow.graphsim.admin;

import dev.officeflow.graphsim.account.AccountSpec;
import dev.officeflow.graphsim.account.Accounts;
import dev.officeflow.graphsim.account.GraphAccount;
import dev.officeflow.graphsim.faults.FaultInjector;
import dev.officeflow.graphsim.faults.FaultSettings;
import dev.officeflow.graphsim.identity.AccessTokens;
import dev.officeflow.graphsim.identity.DirectoryUser;
import dev.officeflow.graphsim.identity.IdentityPlatform;
import dev.officeflow.graphsim.identity.TokenSet;
import dev.officeflow.graphsim.subscriptions.GraphSubscriptions;
import dev.officeflow.graphsim.subscriptions.SubscriptionSettings;
import dev.officeflow.graphsim.subscriptions.SubscriptionStats;
import dev.officeflow.graphsim.throttle.MailboxThrottle;
import dev.officeflow.graphsim.throttle.ThrottleSettings;
import dev.officeflow.graphsim.web.CallStats;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The simulator's controls from Java, the same operations as the HTTP admin API: accounts, tokens
 * without the browser, consent, throttling, faults, stats, reset. The subscriptions' own controls
 * are {@link GraphSubscriptions}'. Unknown accounts throw {@link NoSuchElementException}.
 * Thread-safe.
 */
public final class GraphSimAdmin {

  /** What {@link #reset()} returns to. */
  public record Initial(
      ThrottleSettings throttling, FaultSettings faults, SubscriptionSettings subscriptions) {}

  private final Accounts accounts;
  private final IdentityPlatform identity;
  private final MailboxThrottle throttle;
  private final FaultInjector faults;
  private final CallStats stats;
  private final GraphSubscriptions subscriptions;
  private final Initial initial;

  public GraphSimAdmin(
      Accounts accounts,
      IdentityPlatform identity,
      MailboxThrottle throttle,
      FaultInjector faults,
      CallStats stats,
      GraphSubscriptions subscriptions,
      Initial initial) {
    this.accounts = accounts;
    this.identity = identity;
    this.throttle = throttle;
    this.faults = faults;
    this.stats = stats;
    this.subscriptions = subscriptions;
    this.initial = initial;
  }

  public List<GraphAccount> accounts() {
    return accounts.all();
  }

  public GraphAccount account(String email) {
    return accounts
        .byEmail(email)
        .orElseThrow(() -> new NoSuchElementException("graph-sim has no account " + email));
  }

  /** Creates (or regenerates) an account; its content is generated before this returns. */
  public GraphAccount createAccount(AccountSpec spec) {
    return accounts.create(spec);
  }

  /** New consent settings for an account: what it grants from now on, whether it declines. */
  public GraphAccount configureConsent(
      String email, @Nullable Set<String> grantedScopes, @Nullable Boolean denyConsent) {
    GraphAccount account = account(email);
    AccountSpec spec = account.spec();
    if (grantedScopes != null) {
      spec = spec.withGrantedScopes(grantedScopes);
    }
    if (denyConsent != null) {
      spec = spec.withDenyConsent(denyConsent);
    }
    account.reconfigure(spec);
    return account;
  }

  /** Tokens for every scope the account grants (offline, with an id_token), as the admin app. */
  public TokenSet issueTokens(String email) {
    return issueTokens(email, account(email).spec().grantedScopes());
  }

  /** Tokens for {@code scopes} as the admin app; consent settings are not consulted. */
  public TokenSet issueTokens(String email, Set<String> scopes) {
    return issueTokens(email, AccessTokens.DEFAULT_CLIENT, scopes);
  }

  /** Tokens for {@code scopes} as the OAuth client {@code clientId} (throttling is per app). */
  public TokenSet issueTokens(String email, String clientId, Set<String> scopes) {
    return identity.issue(user(account(email)), clientId, scopes, null);
  }

  /** An id_token for {@code audience} (a client id): "Sign in with Microsoft" without a browser. */
  public String idToken(String email, String audience, @Nullable String nonce) {
    return identity.idToken(user(account(email)), audience, nonce);
  }

  /**
   * The user withdraws consent: access tokens stop working, refresh tokens answer {@code
   * invalid_grant} (AADSTS65001), and the account's subscriptions are removed with a {@code
   * subscriptionRemoved} lifecycle notification, as Graph removes them when consent goes.
   *
   * @return how many refresh tokens were voided
   */
  public int revokeConsent(String email) {
    String accountId = account(email).id();
    subscriptions.removeAll(accountId);
    return identity.revokeConsent(accountId);
  }

  /** Every live access token of the account expires now (Graph answers 401). */
  public int expireAccessTokens(String email) {
    return identity.accessTokens().expireAll(account(email).id());
  }

  public ThrottleSettings throttling() {
    return throttle.settings();
  }

  /** New limits; every budget starts full. */
  public void setThrottling(ThrottleSettings settings) {
    throttle.configure(settings);
  }

  public FaultSettings faults() {
    return faults.settings();
  }

  public void setFaults(FaultSettings settings) {
    faults.configure(settings);
  }

  /** The next {@code count} Graph calls fail with {@code status} (429, 500, 502, 503, 504). */
  public void failNext(int count, int status) {
    faults.failNext(count, status);
  }

  public CallStats.Snapshot stats() {
    return stats.snapshot();
  }

  /** What the change-notification subscriptions did since the start or the last reset. */
  public SubscriptionStats subscriptionStats() {
    return subscriptions.stats();
  }

  /**
   * Counters, faults, throttling and the subscription settings back to how the simulator started;
   * every token and every subscription is forgotten (without lifecycle notifications). Accounts and
   * their content stay.
   */
  public void reset() {
    stats.reset();
    faults.reset(initial.faults());
    throttle.configure(initial.throttling());
    identity.clear();
    subscriptions.reset();
    subscriptions.updateSettings(current -> initial.subscriptions());
  }

  private static DirectoryUser user(GraphAccount account) {
    return AccountDirectory.user(account);
  }
}
