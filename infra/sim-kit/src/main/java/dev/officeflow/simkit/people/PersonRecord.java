package dev.officeflow.simkit.people;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One person in an address book, in no provider's shape: google-sim serves it as a People API
 * person, graph-sim as an Outlook contact.
 *
 * @param resourceName the person's stable name: {@code people/c<digits>} for a saved contact,
 *     {@code otherContacts/c<digits>} for an "other contact" (someone mailed but never saved); the
 *     digits ({@link #number()}) identify the person, whatever id a provider derives from them
 * @param givenName empty when the person has no saved name (other contacts often have none)
 * @param emails the first is the primary one
 * @param phones the first is the primary one
 * @param organization where a contact works, if saved
 * @param updated when the person last changed (the source's {@code updateTime})
 * @param deleted a tombstone: shown in incremental syncs with {@code metadata.deleted}
 */
public record PersonRecord(
    String resourceName,
    String givenName,
    String familyName,
    List<Email> emails,
    List<Phone> phones,
    @Nullable Organization organization,
    Instant updated,
    boolean deleted) {

  /** An email address; {@code type} is home, work or other (empty for other contacts). */
  public record Email(String value, String type) {}

  /** A phone number as written ({@code +1 202-555-0142}); {@code type} mobile, work or home. */
  public record Phone(String value, String type) {}

  public record Organization(String name, String title) {}

  public PersonRecord {
    if (!resourceName.matches("(people|otherContacts)/c\\d+")) {
      throw new IllegalArgumentException("not a contact resource name: " + resourceName);
    }
    emails = List.copyOf(emails);
    phones = List.copyOf(phones);
  }

  /** {@code Given Family}, or empty when no name is saved. */
  public String displayName() {
    return (givenName + " " + familyName).trim();
  }

  /** The digits after {@code /c}. */
  public String number() {
    return resourceName.substring(resourceName.indexOf("/c") + 2);
  }

  public boolean isOtherContact() {
    return resourceName.startsWith("otherContacts/");
  }

  /** This person deleted at {@code when}. */
  public PersonRecord deleted(Instant when) {
    return new PersonRecord(
        resourceName, givenName, familyName, emails, phones, organization, when, true);
  }

  /** This person with other names, addresses, phones or employer, changed at {@code when}. */
  public PersonRecord changed(
      String newGiven,
      String newFamily,
      List<Email> newEmails,
      List<Phone> newPhones,
      @Nullable Organization newOrganization,
      Instant when) {
    return new PersonRecord(
        resourceName, newGiven, newFamily, newEmails, newPhones, newOrganization, when, deleted);
  }
}
