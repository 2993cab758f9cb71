package dev.officeflow.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * A person: from a provider's address book, or discovered from mail and meetings by the contacts
 * service. Typed as the reference's {@code ContactData}: {@code display_name} is always text (empty
 * when unknown); {@code phone_numbers} ({@code {"value", "type"}}) and {@code organizations}
 * ({@code {"name", "title", "department"}}) are objects of text, {@code addresses} ({@code
 * {"formatted", "type", ...}}) and {@code photos} ({@code {"url", ...}}) free-form objects, {@code
 * birthdays} timestamps (midnight UTC for a date), {@code tags} a list of text. The contacts
 * service's scores travel in the event's {@code metadata.tags}. {@code notes} is null beside a
 * payload pointer and in {@code metadata_only} mode.
 */
public record Contact(
    String id,
    String displayName,
    @Nullable String givenName,
    @Nullable String familyName,
    List<String> emailAddresses,
    @JsonDeserialize(using = LenientShapes.PhoneNumbers.class)
        List<Map<String, String>> phoneNumbers,
    @JsonDeserialize(using = LenientShapes.Addresses.class)
        List<Map<String, @Nullable Object>> addresses,
    @JsonDeserialize(using = LenientShapes.Organizations.class)
        List<Map<String, String>> organizations,
    @JsonDeserialize(using = LenientShapes.Birthdays.class) List<Instant> birthdays,
    @Nullable String notes,
    String provider,
    String providerContactId,
    @JsonDeserialize(using = LenientShapes.Photos.class) List<Map<String, @Nullable Object>> photos,
    List<String> groups,
    @JsonDeserialize(using = LenientShapes.Tags.class) List<String> tags,
    @Nullable Instant lastModified) {

  public Contact {
    Check.required(id, "id");
    displayName = Check.text(displayName);
    emailAddresses = Check.list(emailAddresses, "email_addresses");
    phoneNumbers = Check.textObjects(phoneNumbers, "phone_numbers");
    addresses = Check.objects(addresses, "addresses");
    organizations = Check.textObjects(organizations, "organizations");
    birthdays = Check.list(birthdays, "birthdays");
    provider = Check.required(Providers.canonical(provider), "provider");
    Check.required(providerContactId, "provider_contact_id");
    photos = Check.objects(photos, "photos");
    groups = Check.list(groups, "groups");
    tags = Check.list(tags, "tags");
  }

  /** The same contact without its notes: {@code metadata_only}, or beside a pointer. */
  public Contact withoutNotes() {
    return new Contact(
        id,
        displayName,
        givenName,
        familyName,
        emailAddresses,
        phoneNumbers,
        addresses,
        organizations,
        birthdays,
        null,
        provider,
        providerContactId,
        photos,
        groups,
        tags,
        lastModified);
  }
}
