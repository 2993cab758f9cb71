package dev.officeflow.runtime.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.Comparator;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * The parts of a service's OpenAPI document that services-common decides: its title, the {@link
 * ProblemSchema}, the bearer schemes and which applies where, and the error responses every route
 * shares. An operation that declares its own security (an empty list: public) keeps it.
 */
final class SharedDocument implements OpenApiCustomizer {

  /** A user JWT issued by the user service (SERVICES.md "Security"). */
  static final String USER_JWT = "user-jwt";

  /** A caller's service credential ({@code officeflow.security.callers.*}, ARCHITECTURE §8). */
  static final String SERVICE_CREDENTIAL = "service-credential";

  private static final String ANY = "*/*";
  private static final String JSON = "application/json";

  private final String service;
  private final String version;
  private final boolean userJwts;

  /**
   * @param userJwts whether the service has the shared user-JWT chain: then every route outside
   *     {@code /internal/**} that declares no security of its own takes a user JWT
   */
  SharedDocument(String service, String version, boolean userJwts) {
    this.service = service;
    this.version = version;
    this.userJwts = userJwts;
  }

  @Override
  public void customise(OpenAPI api) {
    api.info(
        new Info()
            .title("officeflow " + service)
            .version(version)
            .description(
                "The HTTP API of officeflow's "
                    + service
                    + " service. Every error is an RFC 9457"
                    + " problem (`application/problem+json`) with a stable `code`."));
    api.components(components(api.getComponents()));
    if (api.getTags() != null) {
      api.getTags().sort(Comparator.comparing(Tag::getName)); // the order beans happened to come in
    }
    if (api.getPaths() != null) {
      api.getPaths()
          .forEach((path, item) -> item.readOperations().forEach(op -> shareErrors(path, op)));
    }
  }

  private Components components(Components given) {
    Components components = given == null ? new Components() : given;
    components.addSchemas(ProblemSchema.NAME, ProblemSchema.schema());
    components.addSecuritySchemes(
        SERVICE_CREDENTIAL,
        bearer(
            "A caller's service credential on `/internal/**`: its static token"
                + " (`officeflow.security.callers.<caller>`) or, on GCP, a Google-signed ID token"
                + " of its service account. Each route names its callers; another caller is 403,"
                + " a user token there is 403."));
    if (userJwts) {
      components.addSecuritySchemes(
          USER_JWT,
          bearer(
                  "A user JWT of the user service (RS256, `iss` officeflow-user, `aud`"
                      + " officeflow, `sub` the user id); keys at the user service's"
                      + " `/.well-known/jwks.json`.")
              .bearerFormat("JWT"));
    }
    return components;
  }

  private void shareErrors(String path, Operation operation) {
    boolean internal = path.equals("/internal") || path.startsWith("/internal/");
    if (operation.getSecurity() == null) {
      if (internal) {
        operation.addSecurityItem(new SecurityRequirement().addList(SERVICE_CREDENTIAL));
      } else if (userJwts) {
        operation.addSecurityItem(new SecurityRequirement().addList(USER_JWT));
      }
    }
    ApiResponses responses =
        operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
    responses.values().forEach(SharedDocument::answeredAsJson);
    if (internal) {
      responses.putIfAbsent("401", problem("No or an unknown service credential: `unauthorized`."));
      responses.putIfAbsent(
          "403", problem("A user token, which may not call `/internal/**`: `forbidden`."));
    } else if (requires(operation, USER_JWT)) {
      responses.putIfAbsent("401", problem("No or an invalid user token: `unauthorized`."));
    }
    responses.putIfAbsent(
        "default",
        problem(
            "Any other error, as a problem with its `code` (`invalid_request`, `not_found`, ...)."));
    operation.responses(responses);
  }

  /**
   * springdoc says {@code *}{@code /*} where a controller names no media type; the services answer
   * JSON there.
   */
  private static void answeredAsJson(ApiResponse response) {
    Content content = response.getContent();
    if (content != null && content.containsKey(ANY)) {
      content.addMediaType(JSON, content.remove(ANY));
    }
  }

  private static boolean requires(Operation operation, String scheme) {
    List<SecurityRequirement> security = operation.getSecurity();
    return security != null && security.stream().anyMatch(r -> r.containsKey(scheme));
  }

  private static SecurityScheme bearer(String description) {
    return new SecurityScheme()
        .type(SecurityScheme.Type.HTTP)
        .scheme("bearer")
        .description(description);
  }

  static ApiResponse problem(String description) {
    return new ApiResponse().description(description).content(ProblemSchema.content());
  }
}
