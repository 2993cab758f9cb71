package dev.officeflow.contacts.address;

import java.util.Locale;
import java.util.Optional;

/**
 * Normalises addresses as written in headers and calendar entries, so that every spelling of one
 * mailbox hashes to the same contact: {@code "Ana" <Ana.B+work@GoogleMail.com.>} and {@code
 * anab@gmail.com} are the same person.
 */
public final class Addresses {

  private static final String GMAIL = "gmail.com";
  private static final String GOOGLEMAIL = "googlemail.com";
  private static final String MAILTO = "mailto:";

  private Addresses() {}

  /** The canonical address, or empty when {@code raw} is not an address. */
  public static Optional<NormalizedAddress> normalize(String raw) {
    String address = unwrap(raw.strip()).toLowerCase(Locale.ROOT);
    if (address.startsWith(MAILTO)) {
      address = address.substring(MAILTO.length());
    }
    address = stripTrailingDots(address);
    int at = address.lastIndexOf('@');
    if (at <= 0 || at == address.length() - 1) {
      return Optional.empty();
    }
    String local = address.substring(0, at);
    String domain = stripTrailingDots(address.substring(at + 1));
    if (local.isBlank() || domain.isBlank() || containsWhitespace(address)) {
      return Optional.empty();
    }
    if (domain.equals(GOOGLEMAIL)) {
      domain = GMAIL;
    }
    if (domain.equals(GMAIL)) {
      local = withoutTag(local).replace(".", "");
    }
    return local.isEmpty() ? Optional.empty() : Optional.of(new NormalizedAddress(local, domain));
  }

  /** The part inside angle brackets ({@code Name <a@b>} or {@code <a@b>}), else the whole. */
  private static String unwrap(String value) {
    int open = value.lastIndexOf('<');
    int close = value.lastIndexOf('>');
    if (open >= 0 && close > open) {
      return value.substring(open + 1, close).strip();
    }
    return value.replace("<", "").replace(">", "").strip();
  }

  private static String withoutTag(String local) {
    int plus = local.indexOf('+');
    return plus >= 0 ? local.substring(0, plus) : local;
  }

  private static String stripTrailingDots(String value) {
    int end = value.length();
    while (end > 0 && value.charAt(end - 1) == '.') {
      end--;
    }
    return value.substring(0, end);
  }

  private static boolean containsWhitespace(String value) {
    return value.chars().anyMatch(Character::isWhitespace);
  }
}
