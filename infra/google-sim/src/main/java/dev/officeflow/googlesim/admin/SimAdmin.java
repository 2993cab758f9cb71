package dev.officeflow.googlesim.admin;

import dev.officeflow.googlesim.GoogleSimException;
import dev.officeflow.googlesim.account.Account;
import dev.officeflow.googlesim.account.AccountSpec;
import dev.officeflow.googlesim.account.Accounts;
import dev.officeflow.googlesim.calendar.CalendarSpec;
import dev.officeflow.googlesim.calendar.CalendarStore;
import dev.officeflow.googlesim.calendar.Channels;
import dev.officeflow.googlesim.faults.FaultInjector;
import dev.officeflow.googlesim.faults.FaultSettings;
import dev.officeflow.googlesim.gmail.GmailScopes;
import dev.officeflow.googlesim.gmail.StoredMessage;
import dev.officeflow.googlesim.oauth.IdTokenRequest;
import dev.officeflow.googlesim.oauth.IdTokens;
import dev.officeflow.googlesim.oauth.OAuthTokens;
import dev.officeflow.googlesim.oauth.TokenGrant;
import dev.officeflow.googlesim.people.PeopleSource;
import dev.officeflow.googlesim.quota.QuotaSettings;
import dev.officeflow.googlesim.quota.Quotas;
import dev.officeflow.simkit.calendar.EventRecord;
import dev.officeflow.simkit.mailbox.ContactRank;
import dev.officeflow.simkit.mailbox.GeneratedMailbox;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The simulator's admin operations, for tests in-process (the same operations are served over HTTP
 * under {@code /sim}). Every mailbox, calendar or address-book change advances the account's
 * history id or change number and shows up in {@code history.list} / {@code syncToken} listings;
 * mailbox and calendar changes also trigger push and channel notifications (the People API has no
 * push). Unknown accounts, calendars, messages, events or contacts raise {@link
 * GoogleSimException}. Thread-safe.
 */
public final class SimAdmin {

  /** What {@link #reset} goes back to. */
  public record Initial(List<AccountSpec> accounts, QuotaSettings quota, FaultSettings faults) {}

  private final Accounts accounts;
  private final OAuthTokens tokens;
  private final IdTokens idTokens;
  private final Quotas quotas;
  private final FaultInjector faults;
  private final StatsRecorder stats;
  private final Channels channels;
  private final Initial initial;
  private final ContentFactory content;
  private final PeopleAdmin people;

  public SimAdmin(
      Accounts accounts,
      OAuthTokens tokens,
      IdTokens idTokens,
      Quotas quotas,
      FaultInjector faults,
      StatsRecorder stats,
      Channels channels,
      Clock clock,
      Initial initial) {
    this.accounts = accounts;
    this.tokens = tokens;
    this.idTokens = idTokens;
    this.quotas = quotas;
    this.faults = faults;
    this.stats = stats;
    this.channels = channels;
    this.initial = initial;
    this.content = new ContentFactory(clock);
    this.people = new PeopleAdmin(accounts, content);
  }

  /** Creates (or replaces) an account with a freshly generated mailbox and calendar. */
  public AccountSummary createAccount(AccountSpec spec) {
    return summary(accounts.create(spec));
  }

  public AccountSummary account(String email) {
    return summary(find(email));
  }

  public List<AccountSummary> accounts() {
    return accounts.all().stream().map(SimAdmin::summary).toList();
  }

  /** Changes an account's consent settings (scopes, denial, token lifetime, name). */
  public AccountSummary configureAccount(String email, UnaryOperator<AccountSpec> change) {
    Account account = find(email);
    account.reconfigure(change.apply(account.spec()));
    return summary(account);
  }

  /** Tokens for an account without going through authorize (offline: with a refresh token). */
  public TokenGrant issueTokens(String email, Set<String> scopes) {
    Account account = find(email);
    return tokens.issue(account.email(), scopes, true, account.spec().tokenLifetime());
  }

  /**
   * Tokens with every scope the account grants, except {@code gmail.metadata} when a broader Gmail
   * scope is granted too: with it Gmail would refuse queries and full messages.
   */
  public TokenGrant issueTokens(String email) {
    Set<String> scopes = new java.util.HashSet<>(find(email).spec().grantedScopes());
    if (scopes.stream()
        .anyMatch(s -> GmailScopes.READ.contains(s) && !s.equals(GmailScopes.METADATA))) {
      scopes.remove(GmailScopes.METADATA);
    }
    return issueTokens(email, scopes);
  }

  /**
   * An ID token of the account for the OAuth client {@code audience}, as the token endpoint issues
   * after an {@code openid} consent (skip the OAuth dance: "Sign in with Google" in tests).
   */
  public String issueIdToken(String email, String audience) {
    return issueIdToken(email, IdTokenRequest.forClient(audience));
  }

  /** An ID token of the account as {@code request} describes it (unverified address, lifetime). */
  public String issueIdToken(String email, IdTokenRequest request) {
    return idTokens.issue(find(email).email(), request);
  }

  public MessageRef addMessage(String email, NewMessage message) {
    Account account = find(email);
    StoredMessage stored = account.mailbox().add(content.message(account, message));
    return new MessageRef(stored.id(), stored.threadId(), stored.historyId());
  }

  /** Adds and removes labels; returns the mailbox history id afterwards. */
  public long modifyLabels(String email, String messageId, List<String> add, List<String> remove) {
    Account account = find(email);
    account
        .mailbox()
        .modifyLabels(messageId, add, remove)
        .orElseThrow(() -> missing("message", messageId, email));
    return account.mailbox().historyId();
  }

  public long deleteMessage(String email, String messageId) {
    Account account = find(email);
    if (!account.mailbox().delete(messageId)) {
      throw missing("message", messageId, email);
    }
    return account.mailbox().historyId();
  }

  /** Adds an event organized by the owner to the primary calendar; returns its id. */
  public String addEvent(String email, NewEvent event) {
    return addEvent(email, "primary", event);
  }

  /**
   * Adds an event organized by the owner to the calendar {@code calendarId} ({@code primary}, the
   * owner's address, or a secondary calendar's id); returns its id.
   */
  public String addEvent(String email, String calendarId, NewEvent event) {
    Account account = find(email);
    return calendar(account, calendarId).add(content.event(account, event)).id();
  }

  /** Changes an event in whichever of the account's calendars holds it. */
  public EventRecord updateEvent(String email, String eventId, EventUpdate update) {
    return updateEvent(email, holding(find(email), eventId).id(), eventId, update);
  }

  public EventRecord updateEvent(
      String email, String calendarId, String eventId, EventUpdate update) {
    return calendar(find(email), calendarId)
        .update(eventId, e -> content.apply(e, update))
        .orElseThrow(() -> missing("event", eventId, email + " calendar " + calendarId));
  }

  /** Cancels an event in whichever of the account's calendars holds it. */
  public EventRecord cancelEvent(String email, String eventId) {
    return cancelEvent(email, holding(find(email), eventId).id(), eventId);
  }

  public EventRecord cancelEvent(String email, String calendarId, String eventId) {
    return calendar(find(email), calendarId)
        .cancel(eventId)
        .orElseThrow(() -> missing("event", eventId, email + " calendar " + calendarId));
  }

  /** The account's calendars as its calendar list shows them, the primary first. */
  public List<CalendarSpec> calendars(String email) {
    return find(email).calendars().all().stream().map(CalendarStore::spec).toList();
  }

  /** Every event of one calendar now (cancelled ones included): the ground truth of a listing. */
  public List<EventRecord> events(String email, String calendarId) {
    return calendar(find(email), calendarId).snapshot().entries().stream()
        .map(CalendarStore.Entry::event)
        .toList();
  }

  /** The address-book operations (People API): contacts and other contacts, sync token expiry. */
  public PeopleAdmin people() {
    return people;
  }

  /** The generator's ground-truth closest contacts of the account's owner. */
  public List<ContactRank> closestContacts(String email, int n) {
    return find(email).generated().closestContacts(n);
  }

  public GeneratedMailbox generated(String email) {
    return find(email).generated();
  }

  /** Expires the account's current access tokens: the next API call with one gets 401. */
  public int expireAccessTokens(String email) {
    return tokens.expireAccessTokens(find(email).email());
  }

  /** The account's live Gmail watch and open Calendar channels, as Google would push to them. */
  public StreamingState streaming(String email) {
    Account account = find(email);
    return new StreamingState(
        account.mailbox().activeWatch().isPresent(), channels.forOwner(account.email()).size());
  }

  /** Drops the retained history: {@code history.list} from any earlier id answers 404. */
  public void expireHistory(String email) {
    find(email).mailbox().expireHistory();
  }

  /** Every Calendar sync token issued so far (any calendar, the list) answers 410. */
  public void invalidateSyncTokens(String email) {
    find(email).calendars().invalidateSyncTokens();
  }

  public void setFaults(FaultSettings settings) {
    faults.configure(settings);
  }

  /** The next {@code count} Gmail/Calendar calls fail with {@code status} (500 or 503). */
  public void failNext(int count, int status) {
    faults.failNext(count, status);
  }

  /**
   * The next {@code count} calls of {@code method} (e.g. {@code gmail.users.watch}) fail with
   * {@code status} (500 or 503); 0 clears them.
   */
  public void failNext(String method, int count, int status) {
    faults.failNext(method, count, status);
  }

  /** New limits; every bucket starts full again. */
  public void setQuota(QuotaSettings settings) {
    quotas.configure(settings);
  }

  public QuotaSettings quota() {
    return quotas.settings();
  }

  public SimStats stats() {
    return stats.snapshot();
  }

  /**
   * Back to the configured accounts (regenerated), no tokens, full quotas, no faults, zero
   * counters.
   */
  public void reset() {
    accounts.clear();
    tokens.clear();
    channels.clear();
    quotas.configure(initial.quota());
    faults.reset(initial.faults());
    stats.reset();
    initial.accounts().forEach(accounts::create);
  }

  private Account find(String email) {
    return accounts.find(email).orElseThrow(() -> new GoogleSimException("no account " + email));
  }

  private static CalendarStore calendar(Account account, String calendarId) {
    return account
        .calendars()
        .find(calendarId)
        .orElseThrow(() -> missing("calendar", calendarId, account.email()));
  }

  private static CalendarStore holding(Account account, String eventId) {
    return account
        .calendars()
        .holding(eventId)
        .orElseThrow(() -> missing("event", eventId, account.email()));
  }

  private static GoogleSimException missing(String what, String id, String email) {
    return new GoogleSimException("no " + what + " " + id + " in " + email);
  }

  private static AccountSummary summary(Account a) {
    AccountSpec s = a.spec();
    return new AccountSummary(
        s.email(),
        s.displayName(),
        a.mailbox().messagesTotal(),
        a.mailbox().threadsTotal(),
        a.mailbox().historyId(),
        a.calendar().snapshot().entries().size(),
        a.calendars().all().size(),
        a.addressBook().list(PeopleSource.CONNECTIONS).live().size(),
        a.addressBook().list(PeopleSource.OTHER_CONTACTS).live().size(),
        a.calendar().zone().getId(),
        s.grantedScopes(),
        s.denyConsent(),
        s.tokenLifetime().toSeconds());
  }
}
