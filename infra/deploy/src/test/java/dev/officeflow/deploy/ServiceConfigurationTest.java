package dev.officeflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.officeflow.deploy.ServiceConfiguration.Placeholder;
import java.io.StringReader;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ServiceConfigurationTest {

  private static final String YAML =
      """
      spring.cloud.gcp.project-id: ${PUBSUB_PROJECT_ID}
      spring.r2dbc:
        url: r2dbc:postgresql://${POSTGRES_HOST:127.0.0.1}:${POSTGRES_PORT:5432}/db
        password: ${POSTGRES_PASSWORD:}
      officeflow:
        guard.required: >-
          officeflow.x.webhook-base-url, officeflow.security.credential, officeflow.x.my-keys
        x:
          webhook-base-url: ${OFFICE_PUBLIC_URL:http://127.0.0.1:${OFFICE_PORT:8082}}
          token-url: ${TOKEN_URL:${ROOT_URL:http://h/}token}
          optional-thing: ${OPTIONAL_THING:}
          name: ${spring.application.name}
      ---
      spring.config.activate.on-profile: local
      officeflow.x.secret: ${ONLY_LOCAL}
      """;

  private final ServiceConfiguration configuration =
      ServiceConfiguration.parse(new StringReader(YAML));

  @Test
  void readsNestedPlaceholdersAndTheirDefaults() {
    assertThat(Placeholder.outermost("${A:${B:x}y}z${C}"))
        .containsExactly(new Placeholder("A", "${B:x}y", true), new Placeholder("C", "", false));
    assertThat(Placeholder.all("${A:${B:x}y}z${C}"))
        .extracting(Placeholder::name)
        .containsExactly("A", "B", "C");
  }

  @Test
  void everyVariableIncludingDefaultsButNoPropertyReferenceNorAProfilesDocument() {
    assertThat(configuration.variables())
        .containsExactly(
            "OFFICE_PORT",
            "OFFICE_PUBLIC_URL",
            "OPTIONAL_THING",
            "POSTGRES_HOST",
            "POSTGRES_PASSWORD",
            "POSTGRES_PORT",
            "PUBSUB_PROJECT_ID",
            "ROOT_URL",
            "TOKEN_URL");
  }

  @Test
  void requiredAreThoseWithoutADefaultAndWhatTheGuardRequires() {
    assertThat(configuration.required(Set.of("OPTIONAL_THING")))
        .containsExactly(
            "OFFICEFLOW_SECURITY_CREDENTIAL",
            "OFFICEFLOW_X_MYKEYS|OFFICEFLOW_X_MY_KEYS",
            "OFFICE_PUBLIC_URL",
            "POSTGRES_PASSWORD",
            "PUBSUB_PROJECT_ID");
  }

  @Test
  void namesAPropertysEnvironmentVariableAsSpringBootBindsIt() {
    assertThat(
            ServiceConfiguration.environmentName("officeflow.user.token-encryption.current-key-id"))
        .isEqualTo("OFFICEFLOW_USER_TOKENENCRYPTION_CURRENTKEYID");
  }
}
