package dev.officeflow.graphsim.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ContentAdminTest {

  static ResourceRig rig;

  @BeforeAll
  static void start() {
    rig = new ResourceRig(ResourceRig.bob());
  }

  @AfterAll
  static void stop() {
    rig.close();
  }

  private static String path(String rest) {
    return "accounts/" + ResourceRig.BOB + "/" + rest;
  }

  @Test
  void aMessageAddedByTheAdminApiIsServedByGraph() {
    HttpResponse<String> created =
        rig.admin(
            "POST",
            path("messages"),
            "{\"fromName\":\"Fay\",\"fromEmail\":\"fay@fabrikam.test\",\"subject\":\"Admin\",\"text\":\"body\",\"categories\":[\"Blue category\"]}");
    String id = ResourceRig.body(created).get("id").asString();

    JsonNode m =
        ResourceRig.json(
            rig.get("/me/mailFolders/inbox/messages/" + id, rig.token(ResourceRig.BOB)));

    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(m.get("subject").asString()).isEqualTo("Admin");
    assertThat(m.at("/from/emailAddress/name").asString()).isEqualTo("Fay");
    assertThat(m.at("/categories/0").asString()).isEqualTo("Blue category");
    assertThat(m.get("isRead").asBoolean()).isFalse();
  }

  @Test
  void patchAndDeleteChangeTheStoreAndUnknownIdsAre404() {
    String id =
        ResourceRig.body(
                rig.admin(
                    "POST",
                    path("contacts"),
                    "{\"givenName\":\"Gil\",\"emailAddresses\":[{\"address\":\"gil@fabrikam.test\"}]}"))
            .get("id")
            .asString();

    assertThat(
            rig.admin("PATCH", path("contacts/" + id), "{\"companyName\":\"Fabrikam\"}")
                .statusCode())
        .isEqualTo(200);
    assertThat(
            rig.account(ResourceRig.BOB)
                .contacts()
                .live(id)
                .orElseThrow()
                .person()
                .organization()
                .name())
        .isEqualTo("Fabrikam");
    assertThat(rig.admin("DELETE", path("contacts/" + id), "").statusCode()).isEqualTo(200);
    assertThat(rig.admin("DELETE", path("contacts/" + id), "").statusCode()).isEqualTo(404);
  }

  @Test
  void anEventWithoutAStartIsABadRequest() {
    HttpResponse<String> r = rig.admin("POST", path("events"), "{\"subject\":\"No time\"}");

    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(ResourceRig.body(r).get("error").asString()).contains("start");
  }

  @Test
  void anEventAddedWithLocalTimesUsesTheGivenZone() {
    String id =
        ResourceRig.body(
                rig.admin(
                    "POST",
                    path("events"),
                    "{\"subject\":\"Standup\",\"start\":\"2026-11-21T09:00:00\",\"end\":\"2026-11-21T09:15:00\",\"timeZone\":\"Europe/Berlin\"}"))
            .get("id")
            .asString();

    assertThat(
            rig.account(ResourceRig.BOB).events().live(id).orElseThrow().record().start().instant())
        .hasToString("2026-11-21T08:00:00Z");
  }

  @Test
  void theGroundTruthListsMatchTheStore() {
    JsonNode inbox = ResourceRig.json(rig.admin("GET", path("messages?folder=inbox"), ""));

    long stored =
        rig.account(ResourceRig.BOB).messages().snapshot().live().stream()
            .filter(m -> m.folder() == MailFolder.INBOX)
            .count();
    assertThat(inbox.get("value")).hasSize((int) stored);
    assertThat(ResourceRig.json(rig.admin("GET", path("closest-contacts?n=3"), "")).get("value"))
        .hasSizeLessThanOrEqualTo(3);
  }

  @Test
  void anUnknownAccountIs404() {
    assertThat(rig.admin("GET", "accounts/nobody@contoso.test/messages", "").statusCode())
        .isEqualTo(404);
  }
}
