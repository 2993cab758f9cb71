package dev.officeflow.graphsim.account;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** Changes to a contact; null fields stay as they are (lists are replaced whole). */
public record ContactUpdate(
    @Nullable String givenName,
    @Nullable String surname,
    @Nullable List<String> emails,
    @Nullable String companyName,
    @Nullable String jobTitle) {

  public ContactUpdate {
    emails = emails == null ? null : List.copyOf(emails);
  }

  public static ContactUpdate names(String givenName, String surname) {
    return new ContactUpdate(givenName, surname, null, null, null);
  }
}
