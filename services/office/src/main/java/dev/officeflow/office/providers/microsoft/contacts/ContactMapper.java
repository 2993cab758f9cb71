package dev.officeflow.office.providers.microsoft.contacts;

import com.microsoft.graph.models.EmailAddress;
import dev.officeflow.events.Contact;
import dev.officeflow.events.EventValidationException;
import dev.officeflow.office.providers.microsoft.MicrosoftScopes;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A Graph personal {@code contact} as the event contract's {@link Contact}, shaped as Google's
 * People contacts are: id {@code microsoft_<graph id>}, {@code provider_contact_id} the Graph id,
 * names, addresses, phones typed {@code work}, {@code home}, {@code mobile}, the employer, the
 * birthday (midnight UTC), {@code personalNotes} as notes, {@code categories} as tags, and {@code
 * groups} {@code myContacts}: an Outlook contact is one the user saved, as Google's saved contacts
 * are, so consumers weigh the two alike. A contact without an id, or whose values the contract
 * refuses, is not a contact: empty, and the caller counts it as failed.
 */
public final class ContactMapper {

  /** The group of every Outlook contact: Google's name for saved contacts. */
  static final String GROUP = "myContacts";

  /**
   * A mapped contact.
   *
   * @param updated {@code lastModifiedDateTime}, else {@code createdDateTime}, else the fallback
   */
  public record Mapped(Contact contact, Instant updated) {}

  private ContactMapper() {}

  public static Optional<Mapped> map(com.microsoft.graph.models.Contact c, Instant fallback) {
    if (c.getId() == null || c.getId().isBlank()) {
      return Optional.empty();
    }
    Instant updated =
        Stream.of(c.getLastModifiedDateTime(), c.getCreatedDateTime())
            .filter(Objects::nonNull)
            .map(OffsetDateTime::toInstant)
            .findFirst()
            .orElse(fallback);
    try {
      return Optional.of(new Mapped(contact(c, updated), updated));
    } catch (EventValidationException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static Contact contact(com.microsoft.graph.models.Contact c, Instant updated) {
    List<String> emails = emails(c.getEmailAddresses());
    String given = blankToNull(c.getGivenName());
    String family = blankToNull(c.getSurname());
    String display = blankToNull(c.getDisplayName());
    if (display == null) {
      display = String.join(" ", Stream.of(given, family).filter(Objects::nonNull).toList());
    }
    return new Contact(
        MicrosoftScopes.PROVIDER + "_" + c.getId(),
        display.trim(),
        given,
        family,
        emails,
        phones(c),
        List.of(),
        organizations(c),
        c.getBirthday() == null
            ? List.of()
            : List.of(c.getBirthday().toLocalDate().atStartOfDay(ZoneOffset.UTC).toInstant()),
        blankToNull(c.getPersonalNotes()),
        MicrosoftScopes.PROVIDER,
        c.getId(),
        List.of(),
        List.of(GROUP),
        c.getCategories() == null ? List.of() : List.copyOf(c.getCategories()),
        updated);
  }

  private static List<String> emails(@Nullable List<EmailAddress> addresses) {
    if (addresses == null) {
      return List.of();
    }
    return addresses.stream()
        .filter(Objects::nonNull)
        .map(EmailAddress::getAddress)
        .filter(a -> a != null && !a.isBlank())
        .map(String::trim)
        .distinct()
        .toList();
  }

  private static List<Map<String, String>> phones(com.microsoft.graph.models.Contact c) {
    List<Map<String, String>> out = new ArrayList<>();
    typed(c.getBusinessPhones(), "work", out);
    typed(c.getHomePhones(), "home", out);
    typed(c.getMobilePhone() == null ? null : List.of(c.getMobilePhone()), "mobile", out);
    return out;
  }

  private static void typed(
      @Nullable List<String> numbers, String type, List<Map<String, String>> out) {
    if (numbers == null) {
      return;
    }
    numbers.stream()
        .filter(n -> n != null && !n.isBlank())
        .forEach(n -> out.add(Map.of("value", n.trim(), "type", type)));
  }

  private static List<Map<String, String>> organizations(com.microsoft.graph.models.Contact c) {
    Map<String, String> org = new LinkedHashMap<>();
    put(org, "name", c.getCompanyName());
    put(org, "title", c.getJobTitle());
    put(org, "department", c.getDepartment());
    return org.isEmpty() ? List.of() : List.of(org);
  }

  private static void put(Map<String, String> map, String key, @Nullable String value) {
    if (value != null && !value.isBlank()) {
      map.put(key, value.trim());
    }
  }

  private static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
