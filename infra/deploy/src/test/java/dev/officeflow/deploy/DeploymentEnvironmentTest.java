package dev.officeflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.officeflow.testsupport.AppRegistry.App;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each service gets every environment variable its {@code application.yml} needs in production,
 * read from the file at test time ({@link ServiceConfiguration}): those without a default, those
 * with an empty one, and those feeding what the production guard requires. Secrets come by
 * reference only; nothing set is a variable no one reads.
 */
class DeploymentEnvironmentTest {

  /**
   * Variables with an empty default that production may leave unset, and why. Add one here only
   * with its reason; everything else without a real default must be provided.
   */
  static final Map<String, String> OPTIONAL =
      Map.of(
          "GOOGLE_OAUTH_BASE_URL",
          "user: empty means Google's own OAuth and OpenID endpoints; set, it names google-sim",
          "MICROSOFT_CLIENT_ID",
          "user: empty means the deployment does not offer Microsoft (README, Deploying: 'Offering"
              + " Microsoft'); set, the service refuses to start without the two below",
          "MICROSOFT_CLIENT_SECRET",
          "user: read only when MICROSOFT_CLIENT_ID is set, and then required at start",
          "MICROSOFT_REDIRECT_URI",
          "user: read only when MICROSOFT_CLIENT_ID is set, and then required at start");

  /**
   * Names that look like a credential: never a literal value, never in a ConfigMap (any {@code
   * *_KEY}: the contacts hash key, the search cursors' signing key; a key id is a setting). The
   * callers' static tokens are; the Google accounts whose ID tokens a service accepts ({@link
   * #GOOGLE_CALLERS}) are not: an email proves nothing, the token Google signs for it does.
   */
  private static final Pattern SECRET_LIKE =
      Pattern.compile(
          ".*(PASSWORD|SECRET|_KEY|TOKENS?|CREDENTIAL)$|.*_KEYS_.*"
              + "|.*(?<!_GOOGLEIDTOKENS)_CALLERS_.*");

  /**
   * services-common's service credentials (ServiceSecuritySettings, {@code officeflow.security.*})
   * as Spring Boot reads them from the environment: the static token a service presents, the static
   * tokens it accepts by caller ({@code <prefix><CALLER>}), the Google ID tokens' audience (empty:
   * off) and the Google accounts it accepts by caller ({@code <prefix><CALLER>}, comma-separated).
   */
  static final String CREDENTIAL =
      ServiceConfiguration.environmentName("officeflow.security.credential");

  static final String CALLERS =
      ServiceConfiguration.environmentName("officeflow.security.callers") + "_";
  static final String AUDIENCE =
      ServiceConfiguration.environmentName("officeflow.security.google-id-tokens.audience");
  static final String GOOGLE_CALLERS =
      ServiceConfiguration.environmentName("officeflow.security.google-id-tokens.callers") + "_";

  /** The annotation that names a Kubernetes account's Google account (workload identity). */
  static final String WORKLOAD_IDENTITY = "iam.gke.io/gcp-service-account";

  /** Variables Spring Boot binds by name (relaxed binding) and the JVM's own. */
  private static final Pattern BOUND_BY_NAME =
      Pattern.compile("(OFFICEFLOW|SPRING|SERVER|MANAGEMENT|LOGGING)_.*|JDK_JAVA_OPTIONS");

  /** The ConfigMaps every service reads; a key is used when any service reads it. */
  private static final Set<String> SHARED = Set.of("officeflow-config", "officeflow-jvm");

  @ParameterizedTest
  @ValueSource(strings = {"base", "overlays/gke"})
  void everyVariableProductionNeedsIsProvided(String kustomization) {
    Manifests manifests = Manifests.of(Manifests.DEPLOY.resolve(kustomization));
    Map<String, Set<String>> missing = new LinkedHashMap<>();
    for (App app : Services.all()) {
      Set<String> required =
          ServiceConfiguration.of(Services.module(app)).required(OPTIONAL.keySet());
      Set<String> provided = provided(manifests, manifests.get(Deployment.class, app.name()));
      Set<String> absent = new TreeSet<>();
      for (String name : required) {
        // A|B: either spelling; a map's entries are <NAME>_<KEY>.
        boolean given =
            Stream.of(name.split("\\|"))
                .anyMatch(
                    spelling ->
                        provided.contains(spelling)
                            || provided.stream().anyMatch(p -> p.startsWith(spelling + "_")));
        if (!given) {
          absent.add(name);
        }
      }
      if (!absent.isEmpty()) {
        missing.put(app.name(), absent);
      }
    }
    assertThat(missing)
        .as(
            "variables the services' application.yml need in production that infra/deploy/%s"
                + " does not provide (a ConfigMap for settings, the service's Secret by"
                + " secretKeyRef for credentials), by service",
            kustomization)
        .isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"base", "overlays/gke"})
  void servicesRunInProductionOnRealPubSub(String kustomization) {
    Manifests manifests = Manifests.of(Manifests.DEPLOY.resolve(kustomization));
    for (App app : Services.all()) {
      Deployment deployment = manifests.get(Deployment.class, app.name());
      Map<String, String> values = values(manifests, Services.container(deployment));
      assertThat(values)
          .as("%s's environment", app.name())
          .containsEntry("OFFICEFLOW_ENVIRONMENT", "production")
          .doesNotContainKey("PUBSUB_EMULATOR_HOST")
          .doesNotContainKey("SPRING_PROFILES_ACTIVE");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"base", "overlays/gke"})
  void secretsComeByReferenceOnly(String kustomization) {
    Manifests manifests = Manifests.of(Manifests.DEPLOY.resolve(kustomization));
    assertThat(manifests.all(Secret.class))
        .as(
            "Secret objects in infra/deploy/%s: secrets are referenced, never written",
            kustomization)
        .allSatisfy(
            secret -> {
              assertThat(secret.getData()).isNullOrEmpty();
              assertThat(secret.getStringData()).isNullOrEmpty();
            });
    for (ConfigMap map : manifests.all(ConfigMap.class)) {
      assertThat(map.getData().keySet())
          .as("ConfigMap %s holds no credential", map.getMetadata().getName())
          .noneMatch(key -> SECRET_LIKE.matcher(key).matches());
    }
    for (Container container : containers(manifests)) {
      for (EnvVar env : container.getEnv()) {
        if (env.getValue() != null) {
          assertThat(env.getName())
              .as("%s's %s has a literal value", container.getName(), env.getName())
              .doesNotMatch(SECRET_LIKE);
        }
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"base", "overlays/gke"})
  void noServiceIsGivenAVariableItDoesNotRead(String kustomization) {
    Manifests manifests = Manifests.of(Manifests.DEPLOY.resolve(kustomization));
    Set<String> readBySome = new TreeSet<>();
    Map<String, Set<String>> unread = new LinkedHashMap<>();
    for (App app : Services.all()) {
      Set<String> reads = ServiceConfiguration.of(Services.module(app)).variables();
      readBySome.addAll(reads);
      Container container = Services.container(manifests.get(Deployment.class, app.name()));
      Set<String> own = new TreeSet<>();
      container.getEnv().forEach(env -> own.add(env.getName()));
      for (EnvFromSource from : container.getEnvFrom()) {
        if (from.getConfigMapRef() != null && !shared(from.getConfigMapRef().getName())) {
          manifests
              .configMap(from.getConfigMapRef().getName())
              .ifPresent(map -> own.addAll(map.getData().keySet()));
        }
      }
      own.removeIf(name -> reads.contains(name) || BOUND_BY_NAME.matcher(name).matches());
      if (!own.isEmpty()) {
        unread.put(app.name(), own);
      }
    }
    Set<String> sharedUnread = new TreeSet<>();
    for (ConfigMap map : manifests.all(ConfigMap.class)) {
      if (shared(map.getMetadata().getName())) {
        map.getData().keySet().stream()
            .filter(key -> !readBySome.contains(key) && !BOUND_BY_NAME.matcher(key).matches())
            .forEach(sharedUnread::add);
      }
    }
    if (!sharedUnread.isEmpty()) {
      unread.put("(shared ConfigMaps)", sharedUnread);
    }
    assertThat(unread)
        .as(
            "variables infra/deploy/%s sets that no application.yml reads, by service",
            kustomization)
        .isEmpty();
  }

  /**
   * In the GKE overlay each service's secrets come from its own External Secrets store, which
   * authenticates as the service's own account: every key a Deployment reads is one its
   * ExternalSecret writes.
   */
  @Test
  void eachSecretAServiceReadsIsWrittenByItsOwnExternalSecret() {
    Manifests manifests = Manifests.gke();
    for (App app : Services.all()) {
      Deployment deployment = manifests.get(Deployment.class, app.name());
      String account = deployment.getSpec().getTemplate().getSpec().getServiceAccountName();
      List<SecretKeySelector> references = secretReferences(Services.container(deployment));
      assertThat(references).as("%s's secrets", app.name()).isNotEmpty();
      for (SecretKeySelector reference : references) {
        assertThat(reference.getName()).isEqualTo(app.name() + "-secrets");
        GenericKubernetesResource external = externalSecret(manifests, reference.getName());
        assertThat(Generic.list(external, "spec", "data"))
            .as(
                "%s: ExternalSecret %s writes %s",
                app.name(), reference.getName(), reference.getKey())
            .anySatisfy(
                item ->
                    assertThat(((Map<?, ?>) item).get("secretKey")).isEqualTo(reference.getKey()));
        String store = Generic.text(external, "spec", "secretStoreRef", "name");
        assertThat(Generic.text(external, "spec", "secretStoreRef", "kind"))
            .isEqualTo("SecretStore");
        GenericKubernetesResource secretStore =
            manifests.custom("SecretStore").stream()
                .filter(s -> s.getMetadata().getName().equals(store))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no SecretStore " + store));
        assertThat(
                Generic.text(
                    secretStore,
                    "spec",
                    "provider",
                    "gcpsm",
                    "auth",
                    "workloadIdentity",
                    "serviceAccountRef",
                    "name"))
            .as("%s's SecretStore authenticates as the service's account", app.name())
            .isEqualTo(account);
      }
    }
  }

  /**
   * Each service that calls another (its application.yml reads the other's {@code <NAME>_BASE_URL}:
   * the office the user service's) has a credential to present, and the other accepts it: a static
   * one, which the other lists for it among its static callers (on GKE from the same Secret Manager
   * secret); or, with no static credential (one would be sent instead) and the Google ID tokens'
   * audience, an ID token of its workload identity, which the other accepts for it under the same
   * audience.
   */
  @ParameterizedTest
  @ValueSource(strings = {"base", "overlays/gke"})
  void everyCallerPresentsACredentialItsCalleeAccepts(String kustomization) {
    Manifests manifests = Manifests.of(Manifests.DEPLOY.resolve(kustomization));
    Map<String, Set<String>> calls = calls();
    assertThat(calls).as("who calls whom").containsKey("office");
    calls.forEach(
        (caller, callees) -> {
          Deployment from = manifests.get(Deployment.class, caller);
          Container container = Services.container(from);
          boolean fixed = provided(manifests, from).contains(CREDENTIAL);
          String audience = values(manifests, container).getOrDefault(AUDIENCE, "");
          assertThat(fixed || !audience.isBlank())
              .as(
                  "%s calls %s but has nothing to present: neither %s nor %s",
                  caller, callees, CREDENTIAL, AUDIENCE)
              .isTrue();
          for (String callee : callees) {
            Deployment to = manifests.get(Deployment.class, callee);
            Map<String, String> accepting = values(manifests, Services.container(to));
            if (fixed) {
              assertThat(provided(manifests, to))
                  .as("%s accepts %s's static credential", callee, caller)
                  .contains(CALLERS + callerKey(caller));
              if (!manifests.custom("ExternalSecret").isEmpty()) {
                assertThat(remoteKey(manifests, to, CALLERS + callerKey(caller)))
                    .as("%s accepts the secret %s presents", callee, caller)
                    .isEqualTo(remoteKey(manifests, from, CREDENTIAL));
              }
            } else {
              assertThat(accepting.get(AUDIENCE))
                  .as("%s's audience for %s's ID tokens", callee, caller)
                  .isEqualTo(audience);
              assertThat(emails(accepting.get(GOOGLE_CALLERS + callerKey(caller))))
                  .as("the Google accounts %s accepts as %s (%s)", callee, caller, GOOGLE_CALLERS)
                  .contains(workloadIdentity(manifests, from));
            }
          }
        });
  }

  /**
   * Google accounts are accepted only with the audience (without it the service ignores them), each
   * for one caller (two would stop the service at start), and they are accounts, not tokens.
   */
  @ParameterizedTest
  @ValueSource(strings = {"base", "overlays/gke"})
  void acceptedGoogleAccountsComeWithTheAudience(String kustomization) {
    Manifests manifests = Manifests.of(Manifests.DEPLOY.resolve(kustomization));
    for (App app : Services.all()) {
      Map<String, String> values =
          values(manifests, Services.container(manifests.get(Deployment.class, app.name())));
      Map<String, String> callerByEmail = new LinkedHashMap<>();
      values.forEach(
          (name, value) -> {
            if (!name.startsWith(GOOGLE_CALLERS)) {
              return;
            }
            assertThat(values.getOrDefault(AUDIENCE, ""))
                .as("%s's %s without %s", app.name(), name, AUDIENCE)
                .isNotBlank();
            assertThat(emails(value))
                .as("%s's %s", app.name(), name)
                .isNotEmpty()
                .allMatch(
                    email -> email.matches("[a-z][a-z0-9-]*@[a-z0-9.-]+\\.gserviceaccount\\.com"))
                .allSatisfy(
                    email ->
                        assertThat(callerByEmail.putIfAbsent(email, name))
                            .as("%s lists %s twice", app.name(), email)
                            .isNull());
          });
    }
  }

  /**
   * Who calls whom: a service whose application.yml reads another's {@code <NAME>_BASE_URL} calls
   * its internal API (the office: {@code USER_BASE_URL}, the user service's token API).
   */
  static Map<String, Set<String>> calls() {
    Map<String, Set<String>> calls = new LinkedHashMap<>();
    for (App caller : Services.all()) {
      Set<String> reads = ServiceConfiguration.of(Services.module(caller)).variables();
      for (App callee : Services.all()) {
        String url = callee.name().replace("-", "_").toUpperCase(Locale.ROOT) + "_BASE_URL";
        if (!callee.equals(caller) && reads.contains(url)) {
          calls.computeIfAbsent(caller.name(), c -> new TreeSet<>()).add(callee.name());
        }
      }
    }
    return calls;
  }

  /**
   * A caller's name in a variable: without dashes, upper case ({@code vespa-loader} is {@code
   * VESPALOADER}), as services-common compares caller names.
   */
  static String callerKey(String caller) {
    return caller.replace("-", "").toUpperCase(Locale.ROOT);
  }

  /** A comma-separated list of accounts, trimmed; none for null. */
  static List<String> emails(String list) {
    if (list == null) {
      return List.of();
    }
    return Stream.of(list.split(",")).map(String::trim).filter(e -> !e.isEmpty()).toList();
  }

  /** The Google account a Deployment's pods act as (its ServiceAccount's annotation). */
  static String workloadIdentity(Manifests manifests, Deployment deployment) {
    String account = deployment.getSpec().getTemplate().getSpec().getServiceAccountName();
    Map<String, String> annotations =
        manifests.get(ServiceAccount.class, account).getMetadata().getAnnotations();
    String identity = annotations == null ? null : annotations.get(WORKLOAD_IDENTITY);
    assertThat(identity)
        .as(
            "%s's workload identity (%s on ServiceAccount %s)",
            deployment.getMetadata().getName(), WORKLOAD_IDENTITY, account)
        .isNotBlank();
    return identity;
  }

  /** The Secret Manager secret an ExternalSecret writes the variable {@code name} from. */
  static String remoteKey(Manifests manifests, Deployment deployment, String name) {
    SecretKeySelector reference =
        secretReferences(Services.container(deployment)).stream()
            .filter(r -> r.getKey().equals(name))
            .findFirst()
            .orElseThrow(
                () ->
                    new AssertionError(
                        deployment.getMetadata().getName() + " reads no secret " + name));
    for (Object item :
        Generic.list(externalSecret(manifests, reference.getName()), "spec", "data")) {
      Map<?, ?> data = (Map<?, ?>) item;
      if (reference.getKey().equals(data.get("secretKey"))) {
        return String.valueOf(((Map<?, ?>) data.get("remoteRef")).get("key"));
      }
    }
    throw new AssertionError(reference.getName() + " does not write " + name);
  }

  static GenericKubernetesResource externalSecret(Manifests manifests, String target) {
    return manifests.custom("ExternalSecret").stream()
        .filter(e -> target.equals(Generic.text(e, "spec", "target", "name")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no ExternalSecret writes the Secret " + target));
  }

  static List<SecretKeySelector> secretReferences(Container container) {
    List<SecretKeySelector> references = new ArrayList<>();
    for (EnvVar env : container.getEnv()) {
      if (env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null) {
        references.add(env.getValueFrom().getSecretKeyRef());
      }
    }
    return references;
  }

  /**
   * Every variable the container gets: env, and the keys of the ConfigMaps and Secrets it loads.
   */
  static Set<String> provided(Manifests manifests, Deployment deployment) {
    Container container = Services.container(deployment);
    Set<String> names = new TreeSet<>(values(manifests, container).keySet());
    container.getEnv().forEach(env -> names.add(env.getName()));
    for (EnvFromSource from : container.getEnvFrom()) {
      String prefix = from.getPrefix() == null ? "" : from.getPrefix();
      if (from.getSecretRef() != null) {
        GenericKubernetesResource external =
            externalSecret(manifests, from.getSecretRef().getName());
        for (Object item : Generic.list(external, "spec", "data")) {
          names.add(prefix + ((Map<?, ?>) item).get("secretKey"));
        }
      }
    }
    return names;
  }

  /** The literal values: env values and the keys of the ConfigMaps it loads (with their prefix). */
  static Map<String, String> values(Manifests manifests, Container container) {
    Map<String, String> values = new LinkedHashMap<>();
    for (EnvFromSource from : container.getEnvFrom()) {
      if (from.getConfigMapRef() != null) {
        String prefix = from.getPrefix() == null ? "" : from.getPrefix();
        ConfigMap map =
            manifests
                .configMap(from.getConfigMapRef().getName())
                .orElseThrow(
                    () ->
                        new AssertionError(
                            container.getName()
                                + " loads the missing ConfigMap "
                                + from.getConfigMapRef().getName()));
        map.getData().forEach((key, value) -> values.put(prefix + key, value));
      }
    }
    for (EnvVar env : container.getEnv()) {
      if (env.getValue() != null) {
        values.put(env.getName(), env.getValue());
      }
    }
    return values;
  }

  private static boolean shared(String configMap) {
    return SHARED.stream()
        .anyMatch(name -> configMap.equals(name) || configMap.startsWith(name + "-"));
  }

  private static List<Container> containers(Manifests manifests) {
    List<PodSpec> pods = new ArrayList<>();
    manifests.all(Deployment.class).forEach(d -> pods.add(d.getSpec().getTemplate().getSpec()));
    manifests.all(Job.class).forEach(j -> pods.add(j.getSpec().getTemplate().getSpec()));
    return pods.stream()
        .flatMap(
            pod -> Stream.concat(pod.getContainers().stream(), pod.getInitContainers().stream()))
        .toList();
  }
}
