package dev.officeflow.office.normalize;

import java.util.Locale;

/**
 * Whether an address is the account's own: Gmail ignores dots and {@code +tags} in its local parts
 * and treats {@code googlemail.com} as {@code gmail.com}; {@code +tags} are stripped everywhere.
 */
public final class OwnAddress {

  private OwnAddress() {}

  public static boolean matches(String address, String account) {
    return canonical(address).equals(canonical(account));
  }

  static String canonical(String address) {
    String lower = address.toLowerCase(Locale.ROOT).trim();
    int at = lower.lastIndexOf('@');
    if (at <= 0) {
      return lower;
    }
    String local = lower.substring(0, at);
    String domain = lower.substring(at + 1);
    int plus = local.indexOf('+');
    local = plus > 0 ? local.substring(0, plus) : local;
    if (domain.equals("gmail.com") || domain.equals("googlemail.com")) {
      return local.replace(".", "") + "@gmail.com";
    }
    return local + "@" + domain;
  }
}
