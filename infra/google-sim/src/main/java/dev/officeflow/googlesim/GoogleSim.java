package dev.officeflow.googlesim;

import dev.officeflow.googlesim.account.Account;
import dev.officeflow.googlesim.account.Accounts;
import dev.officeflow.googlesim.admin.AdminApi;
import dev.officeflow.googlesim.admin.SimAdmin;
import dev.officeflow.googlesim.admin.SimStats;
import dev.officeflow.googlesim.admin.StatsRecorder;
import dev.officeflow.googlesim.calendar.CalendarApi;
import dev.officeflow.googlesim.calendar.CalendarChannels;
import dev.officeflow.googlesim.calendar.Channels;
import dev.officeflow.googlesim.faults.FaultInjector;
import dev.officeflow.googlesim.gmail.GmailApi;
import dev.officeflow.googlesim.oauth.IdTokens;
import dev.officeflow.googlesim.oauth.OAuthApi;
import dev.officeflow.googlesim.oauth.OAuthTokens;
import dev.officeflow.googlesim.people.PeopleApi;
import dev.officeflow.googlesim.push.GmailPush;
import dev.officeflow.googlesim.push.PubsubGmailPush;
import dev.officeflow.googlesim.push.WebhookNotifier;
import dev.officeflow.googlesim.quota.Quotas;
import dev.officeflow.googlesim.web.BatchHandler;
import dev.officeflow.googlesim.web.GoogleErrors;
import dev.officeflow.simkit.web.Router;
import dev.officeflow.simkit.web.SimServer;
import java.time.Clock;
import java.util.stream.Stream;

/**
 * A running simulator: point the official Google clients at {@link #baseUrl()} ({@code setRootUrl})
 * and drive the state through {@link #admin()}. Start one per test class with port 0.
 */
public final class GoogleSim implements AutoCloseable {

  private final SimServer server;
  private final SimAdmin admin;
  private final GmailPush push;
  private final WebhookNotifier webhooks;
  private final GoogleSimConfig config;

  private GoogleSim(GoogleSimConfig config) {
    this.config = config;
    Clock clock = config.clock();
    StatsRecorder stats = new StatsRecorder();
    Accounts accounts = new Accounts(clock, config.historyRetention());
    OAuthTokens tokens = new OAuthTokens(clock);
    IdTokens idTokens = new IdTokens(clock, this::issuer);
    Quotas quotas = new Quotas(config.quota(), clock);
    FaultInjector faults = new FaultInjector(config.faults());
    Channels channels = new Channels(clock);
    this.webhooks = new WebhookNotifier(stats);
    CalendarChannels calendarChannels = new CalendarChannels(channels, webhooks, clock);
    this.push =
        config.pubsub() == null
            ? GmailPush.disabled()
            : new PubsubGmailPush(config.pubsub(), stats);
    accounts.onCreate(a -> wire(a, calendarChannels));
    this.admin =
        new SimAdmin(
            accounts,
            tokens,
            idTokens,
            quotas,
            faults,
            stats,
            channels,
            clock,
            new SimAdmin.Initial(config.accounts(), config.quota(), config.faults()));
    config.accounts().forEach(accounts::create);
    RequestPipeline guard = new RequestPipeline(tokens, quotas, faults, stats, clock);
    Router router = new Router(GoogleErrors.STYLE);
    router.add(GmailApi.PREFIX, new GmailApi(accounts, guard, clock));
    router.add(CalendarApi.PREFIX, new CalendarApi(accounts, guard, calendarChannels));
    PeopleApi people = new PeopleApi(accounts, guard, clock, config.peopleSyncTokenLifetime());
    router.add(PeopleApi.CONNECTIONS_PREFIX, people);
    router.add(PeopleApi.OTHER_CONTACTS_PREFIX, people);
    router.add("/batch", new BatchHandler(router));
    router.add(AdminApi.PREFIX, new AdminApi(admin, clock));
    OAuthApi oauth = new OAuthApi(accounts, tokens, idTokens);
    Stream.of(
            OAuthApi.AUTHORIZE,
            OAuthApi.TOKEN,
            OAuthApi.REVOKE,
            OAuthApi.USERINFO,
            OAuthApi.TOKENINFO,
            OAuthApi.CERTS)
        .flatMap(java.util.List::stream)
        .forEach(path -> router.add(path, oauth));
    this.server =
        new SimServer("google-sim", config.host(), config.port(), config.threads(), router);
  }

  private void wire(Account account, CalendarChannels calendarChannels) {
    account.mailbox().onChange(change -> push.changed(account.mailbox(), change));
    account.calendars().all().forEach(c -> c.onChange(calendarChannels::changed));
  }

  /** Starts a simulator; the accounts of {@code config} are generated before it answers. */
  public static GoogleSim start(GoogleSimConfig config) {
    return new GoogleSim(config);
  }

  public int port() {
    return server.port();
  }

  /** The root URL for the Google clients, with a trailing slash: {@code http://127.0.0.1:PORT/}. */
  public String baseUrl() {
    return "http://" + config.host() + ":" + port() + "/";
  }

  /**
   * The {@code iss} of the ID tokens it signs: {@link GoogleSimConfig#issuer()}, else {@code
   * http://<host>:<port>} (the base URL without its trailing slash).
   */
  public String issuer() {
    return config.issuer() != null ? config.issuer() : "http://" + config.host() + ":" + port();
  }

  /** Where the ID tokens' key set is served, as Google's is: {@code <base>/oauth2/v3/certs}. */
  public String jwksUrl() {
    return baseUrl() + "oauth2/v3/certs";
  }

  public SimAdmin admin() {
    return admin;
  }

  public SimStats stats() {
    return admin.stats();
  }

  public GoogleSimConfig config() {
    return config;
  }

  @Override
  public void close() {
    server.close();
    webhooks.close();
    push.close();
  }
}
