package dev.officeflow.runtime.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SharedDocumentTest {

  @Test
  void internalRoutesTakeTheServiceCredentialAndAnswer401And403Problems() {
    Operation internal = new Operation();

    customise(true, "/internal/backfill/start", internal);

    assertThat(schemes(internal)).containsExactly("service-credential");
    assertThat(internal.getResponses()).containsKeys("401", "403", "default");
    assertThat(internal.getResponses().get("403").getContent())
        .containsKey("application/problem+json");
  }

  @Test
  void otherRoutesTakeAUserJwtWhereTheServiceHasTheSharedChain() {
    Operation api = new Operation();

    customise(true, "/v1/me", api);

    assertThat(schemes(api)).containsExactly("user-jwt");
    assertThat(api.getResponses()).containsKeys("401", "default").doesNotContainKey("403");
  }

  @Test
  void withoutTheSharedChainOtherRoutesTakeNoTokenAndThereIsNoUserJwtScheme() {
    Operation webhook = new Operation();

    OpenAPI api = customise(false, "/webhooks/google/calendar", webhook);

    assertThat(webhook.getSecurity()).isNull();
    assertThat(webhook.getResponses()).containsOnlyKeys("default");
    assertThat(api.getComponents().getSecuritySchemes()).containsOnlyKeys("service-credential");
  }

  @Test
  void aRouteDeclaredPublicStaysPublic() {
    Operation callback = new Operation().security(new ArrayList<>());

    customise(true, "/v1/integrations/google/callback", callback);

    assertThat(callback.getSecurity()).isEmpty();
    assertThat(callback.getResponses()).doesNotContainKey("401");
  }

  @Test
  void whatAControllerAnswersWithoutAMediaTypeIsJson() {
    ApiResponse ok = new ApiResponse().content(new Content().addMediaType("*/*", new MediaType()));
    Operation me = new Operation().responses(new ApiResponses().addApiResponse("200", ok));

    customise(true, "/v1/me", me);

    assertThat(ok.getContent()).containsOnlyKeys("application/json");
  }

  @Test
  void theProblemSchemaRequiresItsCode() {
    OpenAPI api = customise(true, "/v1/me", new Operation());

    assertThat(api.getComponents().getSchemas().get("Problem").getRequired()).contains("code");
  }

  private static OpenAPI customise(boolean userJwts, String path, Operation operation) {
    OpenAPI api = new OpenAPI().paths(new Paths().addPathItem(path, new PathItem().get(operation)));
    new SharedDocument("sample", "0.1.0", userJwts).customise(api);
    return api;
  }

  private static List<String> schemes(Operation operation) {
    return operation.getSecurity().stream()
        .flatMap((SecurityRequirement r) -> r.keySet().stream())
        .toList();
  }
}
