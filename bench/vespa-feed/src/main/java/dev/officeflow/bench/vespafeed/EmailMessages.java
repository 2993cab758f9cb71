package dev.officeflow.bench.vespafeed;

import com.google.protobuf.ByteString;
import com.google.pubsub.v1.PubsubMessage;
import dev.officeflow.events.EmailEvent;
import dev.officeflow.events.EventAttributes;
import dev.officeflow.events.EventFixtures;
import dev.officeflow.events.codec.EventCodec;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Email events encoded once, exactly as the office service publishes them (JSON data, CloudEvents
 * attributes), so both runs move the same bytes and encoding costs neither.
 */
final class EmailMessages {

  static final int USERS = 100;

  private EmailMessages() {}

  /**
   * {@code count} distinct emails spread over {@value #USERS} users; ids start with {@code tag}.
   */
  static List<PubsubMessage> of(int count, String tag) {
    EventCodec codec = new EventCodec();
    return IntStream.range(0, count)
        .mapToObj(i -> EventFixtures.emailEvent(user(tag, i % USERS), "m" + i))
        .map(event -> message(codec, event))
        .toList();
  }

  static String user(String tag, int n) {
    return tag + "-user-" + n;
  }

  private static PubsubMessage message(EventCodec codec, EmailEvent event) {
    return PubsubMessage.newBuilder()
        .setData(ByteString.copyFrom(codec.encode(event)))
        .putAllAttributes(EventAttributes.of(event, null))
        .build();
  }
}
