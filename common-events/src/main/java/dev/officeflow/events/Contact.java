package dev.officeflow.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A person: from a provider's address book, or discovered from mail and meetings by the contacts
 * service, which sets {@code tags} such as {@code vip_score} and {@code score_band}.
 */
public record Contact(
    String id,
    @Nullable String displayName,
    @Nullable String givenName,
    @Nullable String familyName,
    List<String> emailAddresses,
    List<String> phoneNumbers,
    List<String> addresses,
    List<String> organizations,
    List<String> birthdays,
    @Nullable String notes,
    String provider,
    String providerContactId,
    List<String> photos,
    List<String> groups,
    Map<String, String> tags,
    @Nullable Instant lastModified) {

  public Contact {
    Check.required(id, "id");
    emailAddresses = Check.list(emailAddresses, "email_addresses");
    phoneNumbers = Check.list(phoneNumbers, "phone_numbers");
    addresses = Check.list(addresses, "addresses");
    organizations = Check.list(organizations, "organizations");
    birthdays = Check.list(birthdays, "birthdays");
    Check.required(provider, "provider");
    Check.required(providerContactId, "provider_contact_id");
    photos = Check.list(photos, "photos");
    groups = Check.list(groups, "groups");
    tags = Check.map(tags);
  }
}
