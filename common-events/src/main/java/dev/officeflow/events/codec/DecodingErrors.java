package dev.officeflow.events.codec;

import dev.officeflow.events.EventValidationException;
import java.util.List;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;

/** Turns Jackson's failures into an {@link EventValidationException} that names the field. */
final class DecodingErrors {

  private DecodingErrors() {}

  static EventValidationException translate(JacksonException e) {
    String path = path(e.getPath());
    EventValidationException ours = ownCause(e);
    if (ours != null) {
      return path.isEmpty() ? ours : ours.under(path);
    }
    if (e instanceof StreamReadException && !(e instanceof MismatchedInputException)) {
      return new EventValidationException("", "not JSON: " + e.getOriginalMessage(), e);
    }
    if (e instanceof MismatchedInputException mismatch) {
      return new EventValidationException(path, expected(mismatch), e);
    }
    return new EventValidationException(path, e.getOriginalMessage(), e);
  }

  private static String expected(MismatchedInputException e) {
    Class<?> target = e.getTargetType();
    if (target == null) {
      return "wrong type";
    }
    return "wrong type, expected " + describe(target);
  }

  private static String describe(Class<?> type) {
    if (type == String.class) {
      return "a string";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "a boolean";
    }
    if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
      return "a number";
    }
    if (List.class.isAssignableFrom(type) || type.isArray()) {
      return "an array";
    }
    return "an object";
  }

  private static EventValidationException ownCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof EventValidationException ours) {
        return ours;
      }
    }
    return null;
  }

  private static String path(List<JacksonException.Reference> references) {
    return references.stream()
        .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining("."))
        .replace(".[", "[");
  }
}
