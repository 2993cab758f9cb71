package dev.officeflow.notifier.stream;

/**
 * One entry of a user's stream.
 *
 * @param id the Redis stream entry id ({@code <ms>-<seq>}), the SSE id: grows per user
 * @param type the SSE event type
 * @param data the JSON data
 */
public record StreamEvent(EventId id, String type, String data) {

  /** Parses what the append script publishes: {@code id \n type \n data}. */
  static StreamEvent parse(String message) {
    int first = message.indexOf('\n');
    int second = message.indexOf('\n', first + 1);
    if (first < 0 || second < 0) {
      throw new IllegalArgumentException("not a stream message");
    }
    return new StreamEvent(
        EventId.parse(message.substring(0, first)).orElseThrow(),
        message.substring(first + 1, second),
        message.substring(second + 1));
  }
}
