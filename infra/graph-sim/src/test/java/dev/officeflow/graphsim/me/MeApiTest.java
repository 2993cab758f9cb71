package dev.officeflow.graphsim.me;

import static dev.officeflow.graphsim.GraphSimFixtures.ALICE;
import static dev.officeflow.graphsim.GraphSimFixtures.body;
import static dev.officeflow.graphsim.GraphSimFixtures.get;
import static org.assertj.core.api.Assertions.assertThat;

import dev.officeflow.graphsim.GraphSim;
import dev.officeflow.graphsim.GraphSimFixtures;
import dev.officeflow.testsupport.MutableClock;
import java.net.http.HttpResponse;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class MeApiTest {

  private static GraphSim sim;
  private static String token;

  @BeforeAll
  static void start() {
    sim =
        GraphSimFixtures.start(
            MutableClock.at(GraphSimFixtures.NOW),
            GraphSimFixtures.small(ALICE).withDisplayName("Alice Example"));
    token = GraphSimFixtures.token(sim, ALICE);
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  @Test
  void meIsTheSignedInUserWithGraphsDefaultProperties() {
    HttpResponse<String> response = get(sim, "v1.0/me", token);

    JsonNode me = body(response);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(me.path("@odata.context").asString()).endsWith("/v1.0/$metadata#users/$entity");
    assertThat(me.path("id").asString()).isEqualTo(sim.admin().account(ALICE).id());
    assertThat(me.path("displayName").asString()).isEqualTo("Alice Example");
    assertThat(me.path("givenName").asString()).isEqualTo("Alice");
    assertThat(me.path("surname").asString()).isEqualTo("Example");
    assertThat(me.path("mail").asString()).isEqualTo(ALICE);
    assertThat(me.path("userPrincipalName").asString()).isEqualTo(ALICE);
    assertThat(me.path("businessPhones").isArray()).isTrue();
    assertThat(me.has("jobTitle")).isTrue();
  }

  @Test
  void selectReturnsOnlyTheNamedProperties() {
    JsonNode me = body(get(sim, "v1.0/me?$select=mail,displayName", token));

    assertThat(me.path("@odata.context").asString())
        .endsWith("$metadata#users(mail,displayName)/$entity");
    assertThat(me.propertyNames()).containsExactly("@odata.context", "mail", "displayName");
  }

  @Test
  void selectingAPropertyUsersDoNotHaveIs400() {
    HttpResponse<String> response = get(sim, "v1.0/me?$select=shoeSize", token);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(body(response).path("error").path("message").asString())
        .isEqualTo("Could not find a property named 'shoeSize' on type 'microsoft.graph.user'.");
  }

  @Test
  void withoutUserReadMeIs403() {
    String mailOnly = GraphSimFixtures.token(sim, ALICE, Set.of("Mail.Read"));

    HttpResponse<String> response = get(sim, "v1.0/me", mailOnly);

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(body(response).path("error").path("code").asString()).isEqualTo("ErrorAccessDenied");
  }

  @Test
  void anUnknownSegmentBelowMeIsGraphs400() {
    HttpResponse<String> response = get(sim, "v1.0/me/drive", token);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(body(response).path("error").path("message").asString())
        .isEqualTo("Resource not found for the segment 'drive'.");
  }

  @Test
  void writingToMeIs405WithGraphsBody() {
    HttpResponse<String> response = GraphSimFixtures.json(sim, "PATCH", "v1.0/me", "{}");

    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(body(response).path("error").path("innerError").has("request-id")).isTrue();
  }

  @Test
  void anUnknownSegmentBelowTheVersionIsGraphs400() {
    HttpResponse<String> response = get(sim, "v1.0/sites", token);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(body(response).path("error").path("code").asString()).isEqualTo("BadRequest");
  }
}
