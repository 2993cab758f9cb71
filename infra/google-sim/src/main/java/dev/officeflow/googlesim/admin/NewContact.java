package dev.officeflow.googlesim.admin;

import java.util.List;

/**
 * A person to add to an address book (a contact, or an other contact).
 *
 * @param emails the first is the primary address; at least one
 * @param organization the employer, empty for none
 */
public record NewContact(
    String givenName,
    String familyName,
    List<String> emails,
    List<String> phones,
    String organization,
    String title) {

  public NewContact {
    emails = List.copyOf(emails);
    phones = List.copyOf(phones);
    if (emails.isEmpty() || emails.stream().anyMatch(e -> !e.contains("@"))) {
      throw new IllegalArgumentException("a contact needs at least one email address: " + emails);
    }
  }

  /** A contact with a name and one address. */
  public static NewContact of(String givenName, String familyName, String email) {
    return new NewContact(givenName, familyName, List.of(email), List.of(), "", "");
  }
}
