package dev.officeflow.notifier.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EventIdTest {

  @Test
  void readsRedisStreamIdsAndOrdersThemAsRedisDoes() {
    List<EventId> ids =
        List.of("1733560000000-1", "1733560000000-10", "1733560000001-0").stream()
            .map(text -> EventId.parse(text).orElseThrow())
            .toList();
    assertThat(ids).isSorted();
    assertThat(ids.get(1)).hasToString("1733560000000-10");
  }

  @Test
  void refusesAnythingElseAClientMightSendAsLastEventId() {
    List<String> hostile =
        List.of(
            "",
            "-",
            "1-",
            "-1",
            "1-1 ",
            "1-1\nid: 2-2",
            "+",
            "(1-0",
            "99999999999999999999-0",
            "1-0; DEL x",
            "１-0",
            "0x1-0");
    assertThat(hostile).allMatch(text -> EventId.parse(text).isEmpty());
  }
}
