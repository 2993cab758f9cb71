package dev.officeflow.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What happened to the item at the provider. */
public enum Operation {
  CREATE,
  UPDATE,
  DELETE;

  @JsonValue
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static Operation fromWire(String value) {
    for (Operation operation : values()) {
      if (operation.wire().equalsIgnoreCase(value)) {
        return operation;
      }
    }
    throw new EventValidationException("", "unknown operation '" + value + "'");
  }
}
