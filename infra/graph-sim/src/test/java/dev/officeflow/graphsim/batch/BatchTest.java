package dev.officeflow.graphsim.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.officeflow.graphsim.GraphSimConfig;
import dev.officeflow.graphsim.account.ResourceRig;
import dev.officeflow.graphsim.throttle.ThrottleSettings;
import java.net.http.HttpResponse;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class BatchTest {

  ResourceRig rig;
  String token;

  @BeforeEach
  void start() {
    rig = new ResourceRig(GraphSimConfig.defaults(), ResourceRig.alice());
    token = rig.token(ResourceRig.ALICE);
  }

  @AfterEach
  void stop() {
    rig.close();
  }

  private static String batch(int n) {
    return "{\"requests\":["
        + IntStream.rangeClosed(1, n)
            .mapToObj(
                i ->
                    "{\"id\":\""
                        + i
                        + "\",\"method\":\"GET\",\"url\":\"/me/messages?$top=1&$select=subject\"}")
            .collect(Collectors.joining(","))
        + "]}";
  }

  @Test
  void aBatchOfTwentyAnswersEveryRequestInOneBody() {
    HttpResponse<String> r = rig.post("/$batch", token, batch(20));

    JsonNode responses = ResourceRig.json(r).get("responses");
    assertThat(responses).hasSize(20);
    assertThat(responses)
        .allSatisfy(
            p -> {
              assertThat(p.get("status").asInt()).isEqualTo(200);
              assertThat(p.at("/body/value")).hasSize(1);
              assertThat(p.at("/body/value/0/subject").isString()).isTrue();
            });
    assertThat(responses)
        .extracting(p -> p.get("id").asString())
        .containsExactlyElementsOf(
            IntStream.rangeClosed(1, 20).mapToObj(Integer::toString).toList());
  }

  @Test
  void aBatchOfTwentyOneIsRefused() {
    HttpResponse<String> r = rig.post("/$batch", token, batch(21));

    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(ResourceRig.body(r).at("/error/code").asString()).isEqualTo("BadRequest");
  }

  @Test
  void eachPartIsCheckedForItsOwnScope() {
    String mailOnly = rig.token(ResourceRig.ALICE, java.util.Set.of("User.Read", "Mail.Read"));
    String body =
        "{\"requests\":[{\"id\":\"m\",\"method\":\"GET\",\"url\":\"/me/messages?$top=1\"},"
            + "{\"id\":\"c\",\"method\":\"GET\",\"url\":\"/me/contacts\"}]}";

    JsonNode responses = ResourceRig.json(rig.post("/$batch", mailOnly, body)).get("responses");

    assertThat(responses.get(0).get("status").asInt()).isEqualTo(200);
    assertThat(responses.get(1).get("status").asInt()).isEqualTo(403);
    assertThat(responses.get(1).at("/body/error/code").asString()).isEqualTo("ErrorAccessDenied");
  }

  @Test
  void aPartDependingOnAFailedPartFailsWith424() {
    String body =
        "{\"requests\":[{\"id\":\"2\",\"method\":\"GET\",\"url\":\"/me/messages?$top=1\",\"dependsOn\":[\"1\"]},"
            + "{\"id\":\"1\",\"method\":\"GET\",\"url\":\"/me/messages/AAMkAGQ0NDQ0NDQ0NDQ0NDQ0NDQ0NDQ0NDQ0NDQ0NDQ0AAA=\"}]}";

    JsonNode responses = ResourceRig.json(rig.post("/$batch", token, body)).get("responses");

    assertThat(responses.get(0).get("id").asString()).isEqualTo("2");
    assertThat(responses.get(0).get("status").asInt()).isEqualTo(424);
    assertThat(responses.get(1).get("status").asInt()).isEqualTo(404);
  }

  @Test
  void aThrottledPartGets429WithRetryAfterInsideTheBatch() {
    rig.sim
        .admin()
        .setThrottling(
            ThrottleSettings.defaults().withRequestsPer10Minutes(5).withBurstRequests(5));

    JsonNode responses = ResourceRig.json(rig.post("/$batch", token, batch(8))).get("responses");

    assertThat(responses).filteredOn(p -> p.get("status").asInt() == 200).hasSize(5);
    assertThat(responses)
        .filteredOn(p -> p.get("status").asInt() == 429)
        .hasSize(3)
        .allSatisfy(p -> assertThat(p.at("/headers/Retry-After").asString()).matches("\\d+"));
  }

  @Test
  void aBatchWithoutATokenIs401() {
    assertThat(rig.post("/$batch", "", batch(1)).statusCode()).isEqualTo(401);
  }

  @Test
  void aBatchWithRepeatedIdsIsRefused() {
    String body =
        "{\"requests\":[{\"id\":\"1\",\"method\":\"GET\",\"url\":\"/me/messages\"},{\"id\":\"1\",\"method\":\"GET\",\"url\":\"/me/contacts\"}]}";

    assertThat(rig.post("/$batch", token, body).statusCode()).isEqualTo(400);
  }
}
