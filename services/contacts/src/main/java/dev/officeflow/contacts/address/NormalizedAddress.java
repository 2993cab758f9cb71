package dev.officeflow.contacts.address;

/**
 * A mailbox address in canonical form: lower case, no angle brackets or trailing dots, Gmail dots
 * and {@code +tags} removed and {@code googlemail.com} folded into {@code gmail.com}. Lives only in
 * memory: what is stored is its {@link ContactHasher hash} and its domain.
 */
public record NormalizedAddress(String localPart, String domain) {

  public String value() {
    return localPart + "@" + domain;
  }

  @Override
  public String toString() {
    return value();
  }
}
