package dev.officeflow.notifier.stream.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.codec.ServerSentEvent;

class StreamRouteTest {

  @Test
  void anEventIsWrittenAsSpringsEncoderWritesIt() {
    ServerSentEvent<String> event =
        ServerSentEvent.builder("{\"a\":1}").id("5-0").event("progress").build();

    assertThat(text(event)).isEqualTo("id:5-0\nevent:progress\ndata:{\"a\":1}\n\n");
  }

  @Test
  void theFirstCommentCarriesTheReconnectDelay() {
    ServerSentEvent<String> hello =
        ServerSentEvent.<String>builder().retry(Duration.ofSeconds(2)).comment("connected").build();

    assertThat(text(hello)).isEqualTo("retry:2000\n:connected\n\n");
  }

  @Test
  void dataWithALineBreakCannotEndTheEventOrForgeAField() {
    ServerSentEvent<String> event =
        ServerSentEvent.builder("x\n\nevent:forged\ndata:y").event("item").build();

    assertThat(text(event))
        .isEqualTo("event:item\ndata:x\ndata:\ndata:event:forged\ndata:data:y\n\n");
  }

  private static String text(ServerSentEvent<String> event) {
    return new String(StreamRoute.frame(event), StandardCharsets.UTF_8);
  }
}
