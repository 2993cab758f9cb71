package dev.officeflow.contacts.address;

import java.util.Locale;

/**
 * A stored address that does not open, and why; the message names the user, the contact hash and
 * the key id, never an address.
 */
public final class UnreadableAddressException extends RuntimeException {

  /** Why an address does not open. */
  public enum Reason {
    /** Sealed under a master key id that is no longer configured. */
    UNKNOWN_KEY_ID,
    /** The user's key material is gone (erased by a purge): crypto-erased. */
    NO_USER_KEY,
    /** The authentication tag fails: another key, row or user, or changed bytes. */
    DOES_NOT_OPEN;

    /** The metric tag value. */
    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final Reason reason;

  UnreadableAddressException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  /** An address whose user has no key material any more. */
  public static UnreadableAddressException noUserKey(String userId, String contactHash) {
    return new UnreadableAddressException(
        Reason.NO_USER_KEY,
        "the address of contact "
            + contactHash
            + " does not open: user "
            + userId
            + " has no address key (erased by a purge)");
  }

  public Reason reason() {
    return reason;
  }
}
