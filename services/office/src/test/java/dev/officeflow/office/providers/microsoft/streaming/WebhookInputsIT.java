package dev.officeflow.office.providers.microsoft.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import dev.officeflow.testsupport.IntegrationTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Attacker-shaped input at Graph's public webhook: the validation token comes back only as plain
 * text the browser may not sniff, an over-long one is refused, and bodies that are not Graph's, too
 * large, or forged get RFC 9457 problems and change nothing.
 */
@IntegrationTest
class WebhookInputsIT {

  private static MicrosoftStreamingRig rig;

  @BeforeAll
  static void start() {
    rig = MicrosoftStreamingRig.start();
  }

  @AfterAll
  static void stop() throws Exception {
    rig.close();
  }

  @Test
  void aMarkupTokenIsEchoedOnlyAsUnsniffablePlainText() {
    HttpResponse<String> answer =
        rig.handshake(NotificationWebhook.NOTIFICATIONS, "<script>alert(1)</script>");

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).isEqualTo("<script>alert(1)</script>");
    assertThat(answer.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
    assertThat(answer.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
  }

  @Test
  void anOverLongTokenIsRefusedNotReflected() {
    String token = "A".repeat(NotificationWebhook.MAX_TOKEN + 1);

    HttpResponse<String> answer = rig.handshake(NotificationWebhook.LIFECYCLE, token);

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.headers().firstValue("Content-Type")).contains("application/problem+json");
    assertThat(answer.body()).doesNotContain(token);
  }

  @Test
  void aBodyThatIsNotANotificationIsABadRequestProblem() {
    HttpResponse<String> answer = rig.post(NotificationWebhook.NOTIFICATIONS, "{\"value\": 7}");

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.headers().firstValue("Content-Type")).contains("application/problem+json");
  }

  @Test
  void aHugeBodyIsRefusedBeforeItIsParsed() {
    String huge = "{\"value\": [\"" + "x".repeat(NotificationWebhook.MAX_BODY) + "\"]}";

    assertThat(rig.post(NotificationWebhook.NOTIFICATIONS, huge).statusCode()).isEqualTo(413);
  }

  @Test
  void aForgedNotificationIsAnUnauthorizedProblem() {
    HttpResponse<String> answer =
        rig.post(
            NotificationWebhook.NOTIFICATIONS,
            "{\"value\": [{\"subscriptionId\": \"made-up\", \"clientState\": \"guess\","
                + " \"changeType\": \"created\", \"resource\": \"Users/x/Messages/y\"}]}");

    assertThat(answer.statusCode()).isEqualTo(401);
    assertThat(answer.headers().firstValue("Content-Type")).contains("application/problem+json");
  }
}
