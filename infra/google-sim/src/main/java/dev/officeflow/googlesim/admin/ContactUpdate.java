package dev.officeflow.googlesim.admin;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** Changes to a contact; null fields stay as they are (lists are replaced whole). */
public record ContactUpdate(
    @Nullable String givenName,
    @Nullable String familyName,
    @Nullable List<String> emails,
    @Nullable List<String> phones,
    @Nullable String organization,
    @Nullable String title) {

  public ContactUpdate {
    emails = emails == null ? null : List.copyOf(emails);
    phones = phones == null ? null : List.copyOf(phones);
  }

  public static ContactUpdate names(String givenName, String familyName) {
    return new ContactUpdate(givenName, familyName, null, null, null, null);
  }

  public static ContactUpdate emails(List<String> emails) {
    return new ContactUpdate(null, null, emails, null, null, null);
  }
}
