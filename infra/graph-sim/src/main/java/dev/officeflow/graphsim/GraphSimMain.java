package dev.officeflow.graphsim;

import dev.officeflow.graphsim.account.AccountSpec;
import dev.officeflow.graphsim.admin.AdminJson;
import dev.officeflow.graphsim.subscriptions.SubscriptionSettingsJson;
import dev.officeflow.simkit.cli.SimCommandLine;
import dev.officeflow.simkit.web.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * {@code java -jar graph-sim-exec.jar --port 8091 [--host 127.0.0.1] [--accounts accounts.json]
 * [--threads 16] [--public-url http://graph-sim:8091/]}. Without {@code --accounts} it serves one
 * demo account (see {@link #DEMO}).
 */
public final class GraphSimMain {

  /** The acceptance size: 2,000 recent + 500 older messages, 300 + 100 events, 200 contacts. */
  static final AccountSpec DEMO =
      AccountSpec.demo("demo@officeflow.test").withDisplayName("Demo User");

  private static final Set<String> OPTIONS =
      Set.of("port", "host", "accounts", "threads", "public-url");

  private static final System.Logger LOG = System.getLogger(GraphSimMain.class.getName());

  private GraphSimMain() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    GraphSimConfig config = config(options(args));
    GraphSim sim = GraphSim.start(config);
    LOG.log(
        System.Logger.Level.INFO,
        "graph-sim listening on "
            + sim.baseUrl()
            + " (Graph at "
            + sim.graphUrl()
            + ", OAuth at "
            + sim.oauthUrl()
            + ") with accounts "
            + config.accounts().stream().map(AccountSpec::email).toList());
    SimCommandLine.awaitShutdown(sim);
  }

  static Map<String, String> options(String[] args) {
    return SimCommandLine.options(
        args,
        OPTIONS::contains,
        "usage: --port N [--host H] [--accounts FILE] [--threads N] [--public-url URL]");
  }

  static GraphSimConfig config(Map<String, String> options) throws IOException {
    GraphSimConfig config =
        GraphSimConfig.defaults()
            .withPort(Integer.parseInt(options.getOrDefault("port", "8091")))
            .withHost(options.getOrDefault("host", "127.0.0.1"))
            .withThreads(Integer.parseInt(options.getOrDefault("threads", "16")))
            .withPublicUrl(options.get("public-url"));
    if (!options.containsKey("accounts")) {
      return config.withAccount(DEMO);
    }
    return fromFile(
        config, Json.MAPPER.readTree(Files.readAllBytes(Path.of(options.get("accounts")))));
  }

  /**
   * A config file is an array of accounts, or an object with {@code accounts}, {@code throttling},
   * {@code faults}, {@code subscriptions} ({@link SubscriptionSettingsJson}), {@code
   * deltaTokenLifetimeHours}, {@code accessTokenLifetimeSeconds}, {@code tenantId}, {@code
   * publicUrl}.
   */
  static GraphSimConfig fromFile(GraphSimConfig base, JsonNode file) {
    JsonNode accounts = file.isArray() ? file : file.path("accounts");
    List<AccountSpec> specs = new ArrayList<>();
    accounts.forEach(a -> specs.add(AccountSpec.fromJson(a)));
    GraphSimConfig config = base.withAccounts(specs);
    if (file.has("throttling")) {
      config =
          config.withThrottling(AdminJson.throttling(config.throttling(), file.get("throttling")));
    }
    if (file.has("faults")) {
      config = config.withFaults(AdminJson.faults(config.faults(), file.get("faults")));
    }
    if (file.has("subscriptions")) {
      config =
          config.withSubscriptions(
              SubscriptionSettingsJson.apply(config.subscriptions(), file.get("subscriptions")));
    }
    if (file.has("deltaTokenLifetimeHours")) {
      config =
          config.withDeltaTokenLifetime(
              Duration.ofHours(file.get("deltaTokenLifetimeHours").asLong()));
    }
    if (file.has("accessTokenLifetimeSeconds")) {
      config =
          config.withAccessTokenLifetime(
              Duration.ofSeconds(file.get("accessTokenLifetimeSeconds").asLong()));
    }
    if (file.has("tenantId")) {
      config = config.withTenantId(file.get("tenantId").asString());
    }
    if (file.has("publicUrl") && base.publicUrl() == null) {
      config = config.withPublicUrl(file.get("publicUrl").asString());
    }
    return config;
  }
}
