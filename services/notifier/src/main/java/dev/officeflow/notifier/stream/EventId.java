package dev.officeflow.notifier.stream;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stream entry id as Redis makes them ({@code <milliseconds>-<sequence>}), ordered as Redis
 * orders them. It is the SSE {@code id}, so it comes back from clients as {@code Last-Event-ID}:
 * {@link #parse} accepts nothing else.
 */
public record EventId(long millis, long sequence) implements Comparable<EventId> {

  private static final Pattern SHAPE = Pattern.compile("(\\d{1,18})-(\\d{1,18})");

  public EventId {
    if (millis < 0 || sequence < 0) {
      throw new IllegalArgumentException("negative event id");
    }
  }

  /** The id in {@code text}; empty for anything else (the caller answers 400). */
  public static Optional<EventId> parse(String text) {
    Matcher m = SHAPE.matcher(text);
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(new EventId(Long.parseLong(m.group(1)), Long.parseLong(m.group(2))));
  }

  @Override
  public int compareTo(EventId other) {
    int byMillis = Long.compare(millis, other.millis);
    return byMillis != 0 ? byMillis : Long.compare(sequence, other.sequence);
  }

  @Override
  public String toString() {
    return millis + "-" + sequence;
  }
}
