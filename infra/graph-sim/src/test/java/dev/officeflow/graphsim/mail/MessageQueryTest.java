package dev.officeflow.graphsim.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.officeflow.graphsim.account.MailItem;
import dev.officeflow.graphsim.account.ResourceRig;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class MessageQueryTest {

  static ResourceRig rig;
  static String token;

  @BeforeAll
  static void start() {
    rig = new ResourceRig(ResourceRig.alice());
    token = rig.token(ResourceRig.ALICE);
  }

  @AfterAll
  static void stop() {
    rig.close();
  }

  @Test
  void filterOnReceivedDateTimeKeepsTheWindowOnly() {
    Instant from = ResourceRig.NOW.minusSeconds(30L * 86400);
    List<JsonNode> recent =
        rig.all("/me/messages?%24top=500&%24filter=receivedDateTime%20ge%20" + from, token);

    long expected =
        rig.account(ResourceRig.ALICE).messages().snapshot().live().stream()
            .map(MailItem::receivedDateTime)
            .filter(t -> !t.isBefore(from))
            .count();
    assertThat(recent).hasSize((int) expected).hasSize(150);
    assertThat(recent)
        .allSatisfy(
            m ->
                assertThat(Instant.parse(m.get("receivedDateTime").asString()))
                    .isAfterOrEqualTo(from));
  }

  @Test
  void aRangeFilterJoinedByAndKeepsBothBounds() {
    Instant from = ResourceRig.NOW.minusSeconds(10L * 86400);
    Instant to = ResourceRig.NOW.minusSeconds(5L * 86400);
    List<JsonNode> range =
        rig.all(
            "/me/messages?%24filter=receivedDateTime%20ge%20"
                + from
                + "%20and%20receivedDateTime%20lt%20"
                + to,
            token);

    assertThat(range).isNotEmpty();
    assertThat(range)
        .allSatisfy(
            m -> {
              Instant t = Instant.parse(m.get("receivedDateTime").asString());
              assertThat(t).isAfterOrEqualTo(from).isBefore(to);
            });
  }

  @Test
  void selectReturnsTheNamedPropertiesPlusIdAndEtag() {
    JsonNode page =
        ResourceRig.json(rig.get("/me/messages?%24select=subject,from&%24top=3", token));

    for (JsonNode m : page.get("value")) {
      assertThat(Set.copyOf(m.propertyNames()))
          .isEqualTo(Set.of("@odata.etag", "id", "subject", "from"));
    }
    assertThat(page.get("@odata.context").asString()).endsWith("/messages(subject,from)");
  }

  @Test
  void selectNamingAnUnknownPropertyIsABadRequest() {
    HttpResponse<String> r = rig.get("/me/messages?%24select=subject,colour", token);

    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(ResourceRig.body(r).at("/error/code").asString())
        .isEqualTo("RequestBroker--ParseUri");
    assertThat(ResourceRig.body(r).at("/error/message").asString()).contains("colour");
  }

  @Test
  void filterOnAnotherPropertyIsRefusedWithGraphsCode() {
    HttpResponse<String> r = rig.get("/me/messages?%24filter=subject%20eq%20'x'", token);

    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(ResourceRig.body(r).at("/error/code").asString())
        .isEqualTo("ErrorInvalidUrlQueryFilter");
    assertThat(ResourceRig.body(r).at("/error/innerError/request-id").asString()).isNotBlank();
  }

  @Test
  void aMessageByIdCarriesGraphsProperties() {
    MailItem stored =
        rig.account(ResourceRig.ALICE).messages().snapshot().live().stream()
            .filter(m -> !m.ccRecipients().isEmpty())
            .findFirst()
            .orElseThrow();
    JsonNode m = ResourceRig.json(rig.get("/me/messages/" + stored.id(), token));

    assertThat(m.get("id").asString()).isEqualTo(stored.id());
    assertThat(m.get("conversationId").asString()).isEqualTo(stored.conversationId());
    assertThat(m.get("internetMessageId").asString()).startsWith("<").endsWith(">");
    assertThat(m.at("/from/emailAddress/address").asString()).isEqualTo(stored.from().address());
    assertThat(m.get("ccRecipients")).hasSize(stored.ccRecipients().size());
    assertThat(m.get("parentFolderId").asString())
        .isEqualTo(stored.folder().id(rig.account(ResourceRig.ALICE).id()));
    assertThat(m.get("receivedDateTime").asString())
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    assertThat(m.at("/body/contentType").asString()).isIn("html", "text");
    assertThat(
            m.has("isRead") && m.has("hasAttachments") && m.has("categories") && m.has("webLink"))
        .isTrue();
  }

  @Test
  void anUnknownMessageIsNotFoundAndAMalformedIdIsABadRequest() {
    HttpResponse<String> unknown =
        rig.get("/me/messages/AAMkAGQ0NDQ0NDQ0NDQ0NDQ0NDQ0NDQ0NDQ0NDQ0NDQ0NDQ0NDQ0NDQ0AAA=", token);
    HttpResponse<String> malformed = rig.get("/me/messages/not%20an%20id", token);

    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(ResourceRig.body(unknown).at("/error/code").asString())
        .isEqualTo("ErrorItemNotFound");
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(ResourceRig.body(malformed).at("/error/code").asString())
        .isEqualTo("ErrorInvalidIdMalformed");
  }

  @Test
  void aTokenWithoutMailReadIsRefusedWith403() {
    String calendarOnly = rig.token(ResourceRig.ALICE, Set.of("User.Read", "Calendars.Read"));

    HttpResponse<String> r = rig.get("/me/mailFolders/inbox/messages", calendarOnly);

    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(ResourceRig.body(r).at("/error/code").asString()).isEqualTo("ErrorAccessDenied");
    assertThat(
            rig.get(
                    "/me/calendarView?startDateTime=2026-11-01T00:00:00Z&endDateTime=2026-11-21T00:00:00Z",
                    calendarOnly)
                .statusCode())
        .isEqualTo(200);
  }

  @Test
  void bodiesAreTextWhenTheClientPrefersText() {
    MailItem html =
        rig.account(ResourceRig.ALICE).messages().snapshot().live().stream()
            .filter(m -> m.htmlBody() != null)
            .findFirst()
            .orElseThrow();

    JsonNode asHtml = ResourceRig.json(rig.get("/me/messages/" + html.id(), token));
    JsonNode asText =
        ResourceRig.json(
            rig.get(
                "/me/messages/" + html.id(),
                token,
                "Prefer",
                "outlook.body-content-type=\"text\""));

    assertThat(asHtml.at("/body/contentType").asString()).isEqualTo("html");
    assertThat(asText.at("/body/contentType").asString()).isEqualTo("text");
    assertThat(asText.at("/body/content").asString()).isEqualTo(html.textBody());
  }
}
