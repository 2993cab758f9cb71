package dev.officeflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.officeflow.events.catalog.Catalog;
import dev.officeflow.events.catalog.SubscriptionSpec;
import dev.officeflow.setuppubsub.Main;
import dev.officeflow.testsupport.AppRegistry.App;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * infra/deploy/terraform: pubsub.tf is exactly what setup-pubsub generates from the catalog, so the
 * catalog stays the single source; the hand-written files agree with the manifests; all of it is
 * {@code terraform fmt}-clean where terraform is installed.
 */
class TerraformTest {

  static final Path TERRAFORM = Manifests.DEPLOY.resolve("terraform");

  /** The command that writes pubsub.tf (infra/deploy/README.md), as arguments to setup-pubsub. */
  static final List<String> GENERATE =
      List.of("--emit", "terraform", "--project", "officeflow-local");

  /**
   * The optional services' grants beyond pubsub.tf, copied beside it during a migration
   * (infra/deploy/README.md, "The legacy bridge").
   */
  static final Path LEGACY_BRIDGE_TF = TERRAFORM.resolve("migration/legacy-bridge.tf");

  private final String pubsub = Manifests.text(TERRAFORM.resolve("pubsub.tf"));

  /** What pubsub.tf becomes during a migration: generated with the catalog's legacy group. */
  private final String pubsubLegacy = generate("--legacy");

  @Test
  void pubsubTfIsWhatSetupPubsubGenerates() {
    assertThat(pubsub)
        .as(
            "infra/deploy/terraform/pubsub.tf differs from the catalog's; regenerate it: java -jar"
                + " setup-pubsub/target/setup-pubsub-exec.jar %s > infra/deploy/terraform/pubsub.tf",
            String.join(" ", GENERATE))
        .isEqualTo(generate());
  }

  /** setup-pubsub's Terraform, {@link #GENERATE} and {@code more} arguments. */
  static String generate(String... more) {
    List<String> args = new ArrayList<>(GENERATE);
    args.addAll(List.of(more));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit =
        Main.run(
            args.toArray(String[]::new),
            Map.of(),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void pubsubTfNamesExactlyTheCatalogsTopicsAndSubscriptions() {
    Set<String> subscriptions = new TreeSet<>();
    for (SubscriptionSpec spec : Catalog.subscriptions()) {
      subscriptions.add(spec.name());
      subscriptions.add(spec.deadLetterSubscription());
    }
    assertThat(names("google_pubsub_topic")).isEqualTo(new TreeSet<>(Catalog.allTopics()));
    assertThat(names("google_pubsub_subscription")).isEqualTo(subscriptions);
  }

  /** Workload identity binds each Google account to the service account the manifests run as. */
  @Test
  void workloadIdentityNamesTheManifestsNamespaceAndServiceAccounts() {
    Matcher namespace =
        Pattern.compile("variable \"namespace\" \\{[^}]*default\\s*=\\s*\"([^\"]+)\"")
            .matcher(pubsub);
    assertThat(namespace.find()).isTrue();
    String kustomization = Manifests.text(Manifests.BASE.resolve("kustomization.yaml"));
    assertThat(kustomization).containsPattern("(?m)^namespace: " + namespace.group(1) + "$");
    for (App app : Services.all()) {
      // An optional service's account exists only in what --legacy generates.
      String generated = Services.OPTIONAL.containsKey(app.name()) ? pubsubLegacy : pubsub;
      assertThat(generated)
          .as("%s's account and its workload identity", app.name())
          .contains("account_id   = \"" + accountId(app.name()) + "\"")
          .contains("svc.id.goog[${var.namespace}/" + app.name() + "]");
    }
    assertThat(Manifests.text(TERRAFORM.resolve("setup-pubsub.tf")))
        .contains("account_id   = \"" + accountId("setup-pubsub") + "\"")
        .contains("svc.id.goog[${var.namespace}/setup-pubsub]");
  }

  /** secrets.tf lets each service read exactly the secrets its ExternalSecret asks for. */
  @Test
  void eachServiceMayReadExactlyTheSecretsItsExternalSecretReads() {
    Map<String, Set<String>> terraform = new TreeMap<>();
    Matcher block =
        Pattern.compile("(?s)\\n  secrets = \\{\\n(.*?)\\n  }")
            .matcher(Manifests.text(TERRAFORM.resolve("secrets.tf")));
    assertThat(block.find()).as("secrets.tf's locals.secrets").isTrue();
    Matcher entry = Pattern.compile("\"([^\"]+)\"\\s*=\\s*\\[([^]]*)]").matcher(block.group(1));
    while (entry.find()) {
      for (String service : entry.group(2).split(",")) {
        terraform
            .computeIfAbsent(service.trim().replace("\"", ""), s -> new TreeSet<>())
            .add(entry.group(1));
      }
    }
    Map<String, Set<String>> manifests = new TreeMap<>();
    for (App app : Services.always()) {
      GenericKubernetesResource external =
          DeploymentEnvironmentTest.externalSecret(Manifests.gke(), app.name() + "-secrets");
      Set<String> keys = new TreeSet<>();
      for (Object item : Generic.list(external, "spec", "data")) {
        keys.add(String.valueOf(((Map<?, ?>) ((Map<?, ?>) item).get("remoteRef")).get("key")));
      }
      manifests.put(app.name(), keys);
    }
    assertThat(terraform).isEqualTo(manifests);
  }

  /**
   * The legacy bridge's file lets it read exactly the secrets its ExternalSecret asks for;
   * pubsub.tf --legacy lets it publish on exactly its subscriptions' dead-letter topics (its
   * refused items, the runtime's refused messages), as the core's lets every service publish on its
   * own.
   */
  @Test
  void theLegacyBridgesGrantsAreItsSecretsAndItsDeadLetterTopics() {
    String file = Manifests.text(LEGACY_BRIDGE_TF);
    Set<String> secrets = new TreeSet<>();
    for (Object item :
        Generic.list(
            DeploymentEnvironmentTest.externalSecret(Manifests.gke(), "legacy-bridge-secrets"),
            "spec",
            "data")) {
      secrets.add(String.valueOf(((Map<?, ?>) ((Map<?, ?>) item).get("remoteRef")).get("key")));
    }
    assertThat(forEach(file, "legacy_bridge_reader")).isEqualTo(secrets);
    assertThat(file).doesNotContain("roles/pubsub.");

    // The legacy group's subscriptions, the bridge's; the mirror's (LEGACY_MIRROR) are not
    // deployed.
    List<String> deadLetterTopics =
        Catalog.subscriptions(Catalog.Group.LEGACY).stream()
            .map(spec -> spec.deadLetterTopic().replace('-', '_'))
            .toList();
    assertThat(deadLetterTopics).isNotEmpty();
    for (String topic : deadLetterTopics) {
      assertThat(pubsubLegacy)
          .contains(
              "resource \"google_pubsub_topic_iam_member\" \"legacy_bridge_dead_letters_"
                  + topic
                  + "\" {\n  project = var.project\n  topic   = google_pubsub_topic."
                  + topic
                  + ".name\n  role    = \"roles/pubsub.publisher\"\n  member  ="
                  + " \"serviceAccount:${google_service_account.legacy_bridge.email}\"");
    }
    assertThat(pubsub).doesNotContain("google_service_account\" \"legacy_bridge\"");
  }

  /** The strings of a resource's {@code for_each = toset([...])}. */
  private static Set<String> forEach(String file, String resource) {
    Matcher block =
        Pattern.compile(
                "(?s)resource \"[a-z_]+\" \""
                    + resource
                    + "\" \\{\\n  for_each\\s*= toset\\(\\[(.*?)]\\)")
            .matcher(file);
    assertThat(block.find()).as("%s's for_each in %s", resource, LEGACY_BRIDGE_TF).isTrue();
    Set<String> values = new TreeSet<>();
    Matcher value = Pattern.compile("\"([^\"]+)\"").matcher(block.group(1));
    while (value.find()) {
      values.add(value.group(1));
    }
    return values;
  }

  /**
   * The Google accounts the services accept as callers on GKE (ID tokens) are the callers' own: the
   * account Terraform creates for the caller (accounts.tf's {@code service_accounts}) and binds to
   * its Kubernetes service account, in the project whose domain outputs.tf writes to settings.yaml.
   */
  @Test
  void theGoogleAccountsTheServicesAcceptAreTheCallersOwn() {
    Manifests gke = Manifests.gke();
    String domain =
        GkeOverlayTest.settings(Manifests.GKE.resolve("settings.yaml")).get("serviceAccountDomain");
    assertThat(Manifests.text(TERRAFORM.resolve("outputs.tf")))
        .contains("serviceAccountDomain: ${var.project}.iam.gserviceaccount.com");
    String accounts = Manifests.text(TERRAFORM.resolve("accounts.tf"));
    int checked = 0;
    for (App app : Services.all()) {
      Map<String, String> values =
          DeploymentEnvironmentTest.values(
              gke, Services.container(gke.get(Deployment.class, app.name())));
      for (Map.Entry<String, String> entry : values.entrySet()) {
        if (!entry.getKey().startsWith(DeploymentEnvironmentTest.GOOGLE_CALLERS)) {
          continue;
        }
        String key = entry.getKey().substring(DeploymentEnvironmentTest.GOOGLE_CALLERS.length());
        String caller =
            Services.all().stream()
                .map(App::name)
                .filter(name -> DeploymentEnvironmentTest.callerKey(name).equals(key))
                .findFirst()
                .orElseThrow(() -> new AssertionError(entry.getKey() + " names no service"));
        for (String email : DeploymentEnvironmentTest.emails(entry.getValue())) {
          String[] parts = email.split("@", 2);
          assertThat(parts[1]).as("%s's domain", email).isEqualTo(domain);
          Matcher resource =
              Pattern.compile(
                      "resource \"google_service_account\" \"(\\w+)\" \\{[^}]*\\n  account_id\\s+="
                          + " \""
                          + Pattern.quote(parts[0])
                          + "\"")
                  .matcher(pubsub);
          assertThat(resource.find()).as("pubsub.tf creates %s", parts[0]).isTrue();
          String name = resource.group(1);
          assertThat(pubsub)
              .as("%s is bound to the Kubernetes service account %s", email, caller)
              .containsPattern(
                  "service_account_id = google_service_account\\."
                      + name
                      + "\\.name\\n  role\\s+= \"roles/iam\\.workloadIdentityUser\"\\n  member\\s+="
                      + " \"serviceAccount:\\$\\{var\\.project}\\.svc\\.id\\.goog"
                      + Pattern.quote("[${var.namespace}/" + caller + "]"));
          assertThat(accounts)
              .as("accounts.tf names %s's account", caller)
              .containsPattern(
                  "\""
                      + Pattern.quote(caller)
                      + "\"\\s*= google_service_account\\."
                      + name
                      + "\\.email");
          checked++;
        }
      }
    }
    assertThat(checked).as("accepted Google accounts").isPositive();
  }

  @Test
  void isTerraformFmtClean() {
    Optional<Path> terraform = terraform();
    assumeTrue(terraform.isPresent(), "terraform is not installed: terraform fmt -check not run");
    Manifests.Processes fmt =
        Manifests.Processes.run(
            List.of(terraform.get().toString(), "fmt", "-check", "-diff", "-recursive", "."),
            TERRAFORM,
            60);
    assertThat(fmt.exit())
        .as(
            "terraform fmt -check in infra/deploy/terraform (run terraform fmt there):%n%s",
            fmt.stdout())
        .isZero();
  }

  /** {@code officeflow-<name>}, as setup-pubsub's TerraformWriter names a service's account. */
  static String accountId(String name) {
    String id = "officeflow-" + name.toLowerCase(Locale.ROOT);
    return id.length() > 30 ? id.substring(0, 30) : id;
  }

  private Set<String> names(String type) {
    Set<String> names = new TreeSet<>();
    Matcher m =
        Pattern.compile(
                "resource \"" + type + "\" \"[^\"]+\" \\{\\n[^}]*?\\n  name\\s+= \"([^\"]+)\"")
            .matcher(pubsub);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  static Optional<Path> terraform() {
    List<Path> candidates = new ArrayList<>();
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (!dir.isEmpty()) {
        candidates.add(Path.of(dir, "terraform"));
      }
    }
    candidates.add(Path.of("/usr/local/bin/terraform"));
    candidates.add(Path.of("/usr/bin/terraform"));
    return candidates.stream().filter(Files::isExecutable).findFirst();
  }
}
