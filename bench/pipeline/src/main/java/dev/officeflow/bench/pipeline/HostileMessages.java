package dev.officeflow.bench.pipeline;

import com.google.protobuf.ByteString;
import com.google.pubsub.v1.PubsubMessage;
import dev.officeflow.events.EventAttributes;
import dev.officeflow.events.EventFixtures;
import dev.officeflow.events.OfficeEvent;
import dev.officeflow.events.codec.EventCodec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * 210 messages no producer of ours would send, straight onto {@code emails} and {@code calendars}:
 * fuzzed JSON, wrong field types, unknown {@code ce-type}, 9 MB bodies that are not JSON, valid
 * events of 2 MiB up to just under Pub/Sub's 10 MB limit (a body inlined where a producer would
 * have sent a payload pointer), invalid addresses.
 */
final class HostileMessages {

  private static final EventCodec CODEC = new EventCodec();
  // Pub/Sub's limit is 10,000,000 bytes for data and attributes together; the attributes of an
  // event are well under 4 KB.
  private static final int NEAR_LIMIT = 10_000_000 - 4096;

  private final SplittableRandom random = new SplittableRandom(8);

  /** topic → messages. */
  Map<String, List<PubsubMessage>> build(String userId) {
    List<PubsubMessage> emails = new ArrayList<>();
    List<PubsubMessage> calendars = new ArrayList<>();
    OfficeEvent email = EventFixtures.emailEvent(userId, "hostile");
    OfficeEvent event = EventFixtures.calendarEvent(userId, "hostile");
    for (int i = 0; i < 30; i++) {
      emails.add(message(fuzz(CODEC.encode(email)), email));
      calendars.add(message(fuzz(CODEC.encode(event)), event));
    }
    for (int i = 0; i < 25; i++) {
      emails.add(message(retype(CODEC.encode(email), "\"received_date\"", "{\"x\":1}"), email));
      calendars.add(message(retype(CODEC.encode(event), "\"attendees\"", "42"), event));
    }
    for (int i = 0; i < 30; i++) {
      emails.add(
          PubsubMessage.newBuilder()
              .setData(ByteString.copyFrom(CODEC.encode(email)))
              .putAllAttributes(EventAttributes.of(email, null))
              .putAttributes("ce-type", "dev.officeflow.nothing")
              .build());
    }
    for (int i = 0; i < 10; i++) {
      byte[] huge = new byte[9 * 1024 * 1024];
      Arrays.fill(huge, (byte) '[');
      (i % 2 == 0 ? emails : calendars).add(message(huge, i % 2 == 0 ? email : event));
    }
    // Valid JSON of a valid event: only its size is wrong, so only a size check refuses it.
    for (int mib : new int[] {2, 4, 6, 8}) {
      emails.add(message(pad(CODEC.encode(email), "\"Hello Bo\"", mib << 20), email));
      calendars.add(message(pad(CODEC.encode(event), "\"Agenda attached\"", mib << 20), event));
    }
    emails.add(message(pad(CODEC.encode(email), "\"Hello Bo\"", NEAR_LIMIT), email));
    calendars.add(message(pad(CODEC.encode(event), "\"Agenda attached\"", NEAR_LIMIT), event));
    for (int i = 0; i < 50; i++) {
      String bad = i % 2 == 0 ? "not an address<<>>" : "@@@;\\u0000" + i;
      emails.add(message(readdress(CODEC.encode(email), bad), email));
    }
    return Map.of("emails", emails, "calendars", calendars);
  }

  /**
   * The string value {@code quoted} replaced by one of spaces and letters, so the whole body is
   * {@code size} bytes.
   */
  private static byte[] pad(byte[] json, String quoted, int size) {
    String text = new String(json, StandardCharsets.UTF_8);
    if (!text.contains(quoted)) {
      throw new IllegalStateException(quoted + " not in " + text);
    }
    int length = size - (json.length - quoted.getBytes(StandardCharsets.UTF_8).length) - 2;
    String filler = "lorem ipsum ".repeat(length / 12 + 1).substring(0, length);
    byte[] out = text.replace(quoted, "\"" + filler + "\"").getBytes(StandardCharsets.UTF_8);
    if (out.length != size) {
      throw new IllegalStateException("padded to " + out.length + " bytes, not " + size);
    }
    return out;
  }

  private static PubsubMessage message(byte[] data, OfficeEvent like) {
    return PubsubMessage.newBuilder()
        .setData(ByteString.copyFrom(data))
        .putAllAttributes(EventAttributes.of(like, null))
        .build();
  }

  /** Flips, drops or duplicates a few bytes of valid JSON. */
  private byte[] fuzz(byte[] json) {
    byte[] out = json.clone();
    int edits = 1 + random.nextInt(8);
    for (int e = 0; e < edits; e++) {
      out[random.nextInt(out.length)] = (byte) random.nextInt(256);
    }
    return random.nextBoolean() ? out : Arrays.copyOf(out, random.nextInt(out.length));
  }

  /** Replaces a field's value with one of the wrong JSON type. */
  private static byte[] retype(byte[] json, String field, String value) {
    String text = new String(json, StandardCharsets.UTF_8);
    int at = text.indexOf(field + ":");
    if (at < 0) {
      throw new IllegalStateException(field + " not in " + text);
    }
    int start = at + field.length() + 1;
    int end = valueEnd(text, start);
    return (text.substring(0, start) + value + text.substring(end))
        .getBytes(StandardCharsets.UTF_8);
  }

  private static int valueEnd(String text, int start) {
    int depth = 0;
    boolean quoted = false;
    for (int i = start; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' && text.charAt(i - 1) != '\\') {
        quoted = !quoted;
      } else if (!quoted && (c == '{' || c == '[')) {
        depth++;
      } else if (!quoted && (c == '}' || c == ']')) {
        if (depth == 0) {
          return i;
        }
        depth--;
      } else if (!quoted && c == ',' && depth == 0) {
        return i;
      }
    }
    return text.length();
  }

  /** Every address in the event replaced by something that is not one. */
  private static byte[] readdress(byte[] json, String bad) {
    String text = new String(json, StandardCharsets.UTF_8);
    return text.replaceAll("\"[^\"@ ]+@[^\"@ ]+\"", "\"" + bad.replace("\\", "\\\\\\\\") + "\"")
        .getBytes(StandardCharsets.UTF_8);
  }
}
