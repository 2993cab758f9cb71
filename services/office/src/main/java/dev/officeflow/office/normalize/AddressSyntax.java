package dev.officeflow.office.normalize;

import java.util.Locale;
import java.util.Optional;

/**
 * Whether a string is a usable mail address, and its normal form (lower case, no {@code mailto:},
 * no surrounding quotes or spaces). Deliberately lenient in the local part, which mail systems
 * treat loosely, and strict in the domain, where garbage shows.
 */
final class AddressSyntax {

  private static final String LOCAL_SPECIALS = "<>()[],;:\\\"@ \t";

  private AddressSyntax() {}

  static Optional<String> normalize(String candidate) {
    String s = candidate.trim();
    if (s.regionMatches(true, 0, "mailto:", 0, 7)) {
      s = s.substring(7).trim();
    }
    if (s.length() >= 2 && s.startsWith("'") && s.endsWith("'")) {
      s = s.substring(1, s.length() - 1).trim();
    }
    int at = s.lastIndexOf('@');
    if (at <= 0 || at == s.length() - 1) {
      return Optional.empty();
    }
    String local = s.substring(0, at);
    String domain = s.substring(at + 1);
    if (!validLocal(local) || !validDomain(domain)) {
      return Optional.empty();
    }
    return Optional.of((local + "@" + domain).toLowerCase(Locale.ROOT));
  }

  private static boolean validLocal(String local) {
    if (local.length() >= 2 && local.startsWith("\"") && local.endsWith("\"")) {
      return local.length() > 2;
    }
    return !local.startsWith(".")
        && !local.endsWith(".")
        && local.chars().noneMatch(c -> LOCAL_SPECIALS.indexOf(c) >= 0 || c < 32);
  }

  private static boolean validDomain(String domain) {
    if (domain.startsWith("[") && domain.endsWith("]")) {
      return domain.length() > 2 && domain.chars().noneMatch(Character::isWhitespace);
    }
    String[] labels = domain.split("\\.", -1);
    if (labels.length < 2) {
      return false;
    }
    for (String label : labels) {
      if (!validLabel(label)) {
        return false;
      }
    }
    return true;
  }

  /** Letters, digits and inner hyphens; non-ASCII letters for internationalised domains. */
  private static boolean validLabel(String label) {
    if (label.isEmpty() || label.length() > 63 || label.startsWith("-") || label.endsWith("-")) {
      return false;
    }
    return label
        .codePoints()
        .allMatch(
            c -> c == '-' || (c < 128 ? Character.isLetterOrDigit(c) : Character.isLetter(c)));
  }
}
