package dev.officeflow.googlesim;

import dev.officeflow.googlesim.account.AccountSpec;
import dev.officeflow.googlesim.admin.AdminJson;
import dev.officeflow.googlesim.push.PubsubTarget;
import dev.officeflow.simkit.cli.SimCommandLine;
import dev.officeflow.simkit.mailbox.MailboxSpec;
import dev.officeflow.simkit.web.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * {@code java -jar google-sim-exec.jar --port 8090 [--host 127.0.0.1] [--accounts accounts.json]
 * [--pubsub-emulator 127.0.0.1:8085 --pubsub-project officeflow-local] [--threads 16] [--issuer
 * http://google-sim:8090]}. Without {@code --accounts} it serves one demo account (see {@link
 * #DEMO}); without {@code --issuer} its ID tokens name {@code http://<host>:<port>}.
 */
public final class GoogleSimMain {

  /** 2,000 recent + 500 older messages, 500 + 100 events: the benchmark's per-user volume. */
  static final AccountSpec DEMO =
      AccountSpec.of("demo@officeflow.test")
          .withDisplayName("Demo User")
          .withMailbox(new MailboxSpec(1, 2000, 500, 500, 100));

  private static final System.Logger LOG = System.getLogger(GoogleSimMain.class.getName());

  private GoogleSimMain() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    GoogleSimConfig config = config(options(args));
    GoogleSim sim = GoogleSim.start(config);
    LOG.log(
        System.Logger.Level.INFO,
        "google-sim listening on "
            + sim.baseUrl()
            + " with accounts "
            + config.accounts().stream().map(AccountSpec::email).toList()
            + (config.pubsub() == null
                ? " (no Pub/Sub push)"
                : " pushing to " + config.pubsub().host())
            + ", ID tokens issued by "
            + sim.issuer());
    SimCommandLine.awaitShutdown(sim);
  }

  static Map<String, String> options(String[] args) {
    return SimCommandLine.options(
        args,
        name -> true,
        "usage: --port N [--host H] [--accounts FILE] [--pubsub-emulator HOST:PORT"
            + " --pubsub-project P] [--threads N] [--issuer URL]");
  }

  static GoogleSimConfig config(Map<String, String> options) throws IOException {
    GoogleSimConfig config =
        GoogleSimConfig.defaults().withPort(Integer.parseInt(options.getOrDefault("port", "8090")));
    config =
        config
            .withHost(options.getOrDefault("host", "127.0.0.1"))
            .withThreads(Integer.parseInt(options.getOrDefault("threads", "16")))
            .withIssuer(options.get("issuer"));
    if (options.containsKey("pubsub-emulator")) {
      config =
          config.withPubsub(
              new PubsubTarget(
                  options.get("pubsub-emulator"),
                  options.getOrDefault("pubsub-project", "officeflow-local")));
    }
    if (!options.containsKey("accounts")) {
      return config.withAccount(DEMO);
    }
    return fromFile(
        config, Json.MAPPER.readTree(Files.readAllBytes(Path.of(options.get("accounts")))));
  }

  /**
   * A config file is an array of accounts, or an object with accounts, quota, faults,
   * historyRetentionHours, peopleSyncTokenLifetimeHours.
   */
  static GoogleSimConfig fromFile(GoogleSimConfig base, JsonNode file) {
    JsonNode accounts = file.isArray() ? file : file.path("accounts");
    List<AccountSpec> specs = new ArrayList<>();
    accounts.forEach(a -> specs.add(AdminJson.account(a)));
    GoogleSimConfig config = base.withAccounts(specs);
    if (file.has("quota")) {
      config = config.withQuota(AdminJson.quota(config.quota(), file.get("quota")));
    }
    if (file.has("faults")) {
      config = config.withFaults(AdminJson.faults(config.faults(), file.get("faults")));
    }
    if (file.has("historyRetentionHours")) {
      config =
          config.withHistoryRetention(Duration.ofHours(file.get("historyRetentionHours").asLong()));
    }
    if (file.has("peopleSyncTokenLifetimeHours")) {
      config =
          config.withPeopleSyncTokenLifetime(
              Duration.ofHours(file.get("peopleSyncTokenLifetimeHours").asLong()));
    }
    return config;
  }
}
