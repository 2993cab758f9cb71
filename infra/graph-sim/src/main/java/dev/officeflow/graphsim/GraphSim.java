package dev.officeflow.graphsim;

import dev.officeflow.graphsim.account.Accounts;
import dev.officeflow.graphsim.account.ContentAdmin;
import dev.officeflow.graphsim.account.GraphAccount;
import dev.officeflow.graphsim.account.UsersPath;
import dev.officeflow.graphsim.admin.AccountDirectory;
import dev.officeflow.graphsim.admin.AdminApi;
import dev.officeflow.graphsim.admin.GraphSimAdmin;
import dev.officeflow.graphsim.batch.BatchApi;
import dev.officeflow.graphsim.calendar.CalendarApi;
import dev.officeflow.graphsim.contacts.ContactsApi;
import dev.officeflow.graphsim.delta.DeltaQuery;
import dev.officeflow.graphsim.delta.DeltaTokens;
import dev.officeflow.graphsim.faults.FaultInjector;
import dev.officeflow.graphsim.identity.Directory;
import dev.officeflow.graphsim.identity.IdentityPlatform;
import dev.officeflow.graphsim.identity.Tenant;
import dev.officeflow.graphsim.mail.MailApi;
import dev.officeflow.graphsim.me.MeApi;
import dev.officeflow.graphsim.subscriptions.GraphSubscriptions;
import dev.officeflow.graphsim.throttle.MailboxThrottle;
import dev.officeflow.graphsim.web.CallStats;
import dev.officeflow.graphsim.web.GraphErrors;
import dev.officeflow.graphsim.web.GraphException;
import dev.officeflow.graphsim.web.GraphGuard;
import dev.officeflow.simkit.web.Handler;
import dev.officeflow.simkit.web.Router;
import dev.officeflow.simkit.web.SimServer;
import java.time.Clock;

/**
 * A running simulator: point the Graph SDK at {@link #graphUrl()} and OAuth clients at {@link
 * #baseUrl()}{@code <tenant>/oauth2/v2.0/...}; drive the state through {@link #admin()}. Start one
 * per test class with port 0.
 */
public final class GraphSim implements AutoCloseable {

  /** Graph answers a 401 naming the identity platform's authorize endpoint. */
  private static final String AUTHORIZATION_URI =
      "https://login.microsoftonline.com/common/oauth2/authorize";

  private final GraphSimConfig config;
  private final Accounts accounts;
  private final IdentityPlatform identity;
  private final GraphGuard guard;
  private final GraphSimAdmin admin;
  private final GraphSubscriptions subscriptions;
  private final SimServer server;

  private GraphSim(GraphSimConfig config) {
    this.config = config;
    Clock clock = config.clock();
    GraphErrors errors = new GraphErrors(clock);
    this.accounts = new Accounts(clock);
    Directory directory = new AccountDirectory(accounts);
    this.identity = identityPlatform(directory);
    MailboxThrottle throttle = new MailboxThrottle(config.throttling(), clock);
    FaultInjector faults = new FaultInjector(config.faults());
    CallStats stats = new CallStats();
    this.guard =
        new GraphGuard(identity.accessTokens(), throttle, faults, errors, stats, AUTHORIZATION_URI);
    this.subscriptions = subscriptions(clock);
    this.admin =
        new GraphSimAdmin(
            accounts,
            identity,
            throttle,
            faults,
            stats,
            subscriptions,
            new GraphSimAdmin.Initial(
                config.throttling(), config.faults(), config.subscriptions()));
    Router router = router(errors, directory);
    accounts.onCreate(account -> account.onChange(subscriptions::changed));
    config.accounts().forEach(accounts::create);
    this.server =
        new SimServer("graph-sim", config.host(), config.port(), config.threads(), router);
  }

  /** The identity platform of the configured tenant, its URLs below {@link #baseUrl()}. */
  private IdentityPlatform identityPlatform(Directory directory) {
    return new IdentityPlatform(
        config.clock(),
        directory,
        new Tenant(config.tenantId(), this::baseUrl),
        config.accessTokenLifetime());
  }

  /** The change notifications; every account created from now on announces its changes to them. */
  private GraphSubscriptions subscriptions(Clock clock) {
    return new GraphSubscriptions(
        guard,
        clock,
        identity.tenant().id(),
        this::graphUrl,
        id -> accounts.byId(id).map(GraphAccount::email),
        key -> accounts.byIdOrEmail(key).map(GraphAccount::id),
        config.subscriptions());
  }

  /** Every route: the identity platform's under each tenant name, Graph's, the admin API's. */
  private Router router(GraphErrors errors, Directory directory) {
    DeltaTokens deltaTokens = new DeltaTokens(config.clock(), config.deltaTokenLifetime());
    Router router = new Router(errors);
    identity.prefixes().forEach(prefix -> router.add(prefix, identity.api()));
    addGraphRoutes(router, errors, directory, new DeltaQuery(deltaTokens));
    addAdminRoutes(router, new ContentAdmin(accounts, deltaTokens));
    return router;
  }

  /** Graph v1.0: {@code /me} and below, {@code $batch}, {@code /users/...}, subscriptions. */
  private void addGraphRoutes(
      Router router, GraphErrors errors, Directory directory, DeltaQuery delta) {
    router.add(MeApi.PREFIX, graph(new MeApi(guard, directory), errors));
    MailApi mail = new MailApi(accounts, guard, delta);
    router.add(MailApi.MESSAGES, graph(mail, errors));
    router.add(MailApi.MAIL_FOLDERS, graph(mail, errors));
    CalendarApi calendar = new CalendarApi(accounts, guard, delta);
    router.add(CalendarApi.CALENDAR_VIEW, graph(calendar, errors));
    router.add(CalendarApi.CALENDAR, graph(calendar, errors));
    router.add(CalendarApi.EVENTS, graph(calendar, errors));
    router.add(ContactsApi.CONTACTS, graph(new ContactsApi(accounts, guard, delta), errors));
    router.add(BatchApi.PATH, graph(new BatchApi(router, guard), errors));
    router.add(UsersPath.PREFIX, graph(new UsersPath(router), errors));
    router.add(GraphSubscriptions.API_PREFIX, graph(subscriptions.api(), errors));
  }

  /** {@code /admin/...}: the core's routes, the accounts' content, the subscriptions'. */
  private void addAdminRoutes(Router router, Handler content) {
    router.add(AdminApi.PREFIX, new AdminApi(admin, content));
    router.add(GraphSubscriptions.ADMIN_PREFIX, subscriptions.admin());
  }

  /**
   * A Graph handler whose {@link GraphException}s (thrown outside {@link GraphGuard#call}, e.g. for
   * a malformed path) are Graph's error body rather than an unexpected failure the router logs.
   */
  private static Handler graph(Handler handler, GraphErrors errors) {
    return r -> {
      try {
        return handler.handle(r);
      } catch (GraphException e) {
        return errors.render(r, GraphErrors.newRequestId(), e);
      }
    };
  }

  /** Starts a simulator; the accounts of {@code config} are generated before it answers. */
  public static GraphSim start(GraphSimConfig config) {
    return new GraphSim(config);
  }

  public int port() {
    return server.port();
  }

  /**
   * The base URL with a trailing slash: {@link GraphSimConfig#publicUrl()}, else {@code
   * http://<host>:<port>/}. The identity endpoints hang below it ({@code <base><tenant>/oauth2/
   * v2.0/authorize}), Graph at {@code <base>v1.0}.
   */
  public String baseUrl() {
    return config.publicUrl() != null
        ? config.publicUrl()
        : "http://" + config.host() + ":" + port() + "/";
  }

  /** Graph's root for the SDK: {@code <base>v1.0}. */
  public String graphUrl() {
    return baseUrl() + "v1.0";
  }

  /** {@code <base><tenant id>/v2.0}: the issuer of every id_token. */
  public String issuer() {
    return identity.tenant().issuer();
  }

  /** The tenant's OAuth endpoints' root: {@code <base><tenant id>/oauth2/v2.0/}. */
  public String oauthUrl() {
    return baseUrl() + identity.tenant().id() + "/oauth2/v2.0/";
  }

  public GraphSimAdmin admin() {
    return admin;
  }

  public Accounts accounts() {
    return accounts;
  }

  /** Change-notification subscriptions: their admin operations and settings, in Java. */
  public GraphSubscriptions subscriptions() {
    return subscriptions;
  }

  public GraphSimConfig config() {
    return config;
  }

  @Override
  public void close() {
    server.close();
    guard.close();
    subscriptions.close();
  }
}
