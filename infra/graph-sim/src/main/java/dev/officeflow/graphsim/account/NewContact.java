package dev.officeflow.graphsim.account;

import java.util.List;

/**
 * A contact to add to the owner's contacts.
 *
 * @param emails the first is the primary address; at least one
 */
public record NewContact(
    String givenName,
    String surname,
    List<String> emails,
    List<String> businessPhones,
    String mobilePhone,
    String companyName,
    String jobTitle) {

  public NewContact {
    emails = List.copyOf(emails);
    businessPhones = List.copyOf(businessPhones);
    if (emails.isEmpty() || emails.stream().anyMatch(e -> !e.contains("@"))) {
      throw new IllegalArgumentException("a contact needs at least one email address: " + emails);
    }
  }

  public static NewContact of(String givenName, String surname, String email) {
    return new NewContact(givenName, surname, List.of(email), List.of(), "", "", "");
  }
}
