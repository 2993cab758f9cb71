package dev.officeflow.runtime.payload;

import dev.officeflow.runtime.OfficeflowRuntimeException;

/** A pointed-to payload is missing or does not match its checksum; retried, then dead-lettered. */
public final class PayloadUnavailableException extends OfficeflowRuntimeException {

  /** The dead-letter reasons of ARCHITECTURE §4. */
  public enum Reason {
    PAYLOAD_MISSING,
    PAYLOAD_CORRUPT;

    public String code() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  private final Reason reason;

  public PayloadUnavailableException(Reason reason, String key, String detail) {
    super(reason.code() + ": " + key + " " + detail);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
