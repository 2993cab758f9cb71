package dev.officeflow.events;

/**
 * A message that is not a valid event: not JSON, a missing or mistyped field, a bad timestamp or
 * enum value. {@link #field()} names the offending field as a dotted JSON path ({@code
 * email.received_date}), so a dead-letter reason says exactly what is wrong.
 */
public final class EventValidationException extends RuntimeException {

  private final String field;
  private final String reason;

  public EventValidationException(String field, String reason) {
    this(field, reason, null);
  }

  public EventValidationException(String field, String reason, Throwable cause) {
    super(field.isEmpty() ? reason : field + ": " + reason, cause);
    this.field = field;
    this.reason = reason;
  }

  /** The dotted JSON path of the offending field; empty when the whole message is at fault. */
  public String field() {
    return field;
  }

  /** What is wrong with the field ({@code missing}, {@code not a timestamp}, ...). */
  public String reason() {
    return reason;
  }

  /** The same error with {@code parent} prepended to the field path. */
  public EventValidationException under(String parent) {
    String path =
        field.isEmpty() ? parent : field.startsWith("[") ? parent + field : parent + "." + field;
    return new EventValidationException(path, reason, getCause());
  }
}
