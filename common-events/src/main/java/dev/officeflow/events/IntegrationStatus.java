package dev.officeflow.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The state of a user's connection to a provider. */
public enum IntegrationStatus {
  PENDING,
  ACTIVE,
  ERROR,
  EXPIRED,
  REVOKED;

  @JsonValue
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static IntegrationStatus fromWire(String value) {
    for (IntegrationStatus status : values()) {
      if (status.wire().equals(value)) {
        return status;
      }
    }
    throw new EventValidationException("", "unknown integration status '" + value + "'");
  }
}
