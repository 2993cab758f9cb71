package dev.officeflow.office.providers.google.contacts;

import com.google.api.services.people.v1.model.Birthday;
import com.google.api.services.people.v1.model.EmailAddress;
import com.google.api.services.people.v1.model.FieldMetadata;
import com.google.api.services.people.v1.model.Name;
import com.google.api.services.people.v1.model.Organization;
import com.google.api.services.people.v1.model.Person;
import com.google.api.services.people.v1.model.PersonMetadata;
import com.google.api.services.people.v1.model.PhoneNumber;
import com.google.api.services.people.v1.model.Photo;
import com.google.api.services.people.v1.model.Source;
import dev.officeflow.events.Contact;
import dev.officeflow.events.EventValidationException;
import dev.officeflow.office.providers.google.GoogleScopes;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A People API {@code Person} as the event contract's {@link Contact}: id {@code
 * google_people_c123} (from the resource name, so every read of a person names one document),
 * {@code provider_contact_id} the resource name, names, addresses, phones, employers, birthdays and
 * photos the person has, {@code groups} the list it came from. A person without a resource name, or
 * whose values the contract refuses, is not a contact: empty, and the caller counts it as failed.
 */
final class ContactMapper {

  /**
   * A mapped person.
   *
   * @param updated the newest {@code metadata.sources[].updateTime}, else the caller's fallback
   * @param deleted {@code metadata.deleted}: an incremental sync's tombstone
   */
  record Mapped(Contact contact, Instant updated, boolean deleted) {}

  private ContactMapper() {}

  static Optional<Mapped> map(Person person, AddressList list, Instant fallback) {
    String resourceName = person.getResourceName();
    if (resourceName == null || resourceName.isBlank()) {
      return Optional.empty();
    }
    Instant updated = updateTime(person).orElse(fallback);
    boolean deleted = isDeleted(person);
    try {
      Contact contact =
          deleted
              ? tombstone(resourceName, list, updated)
              : contact(person, resourceName, list, updated);
      return Optional.of(new Mapped(contact, updated, deleted));
    } catch (EventValidationException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** {@code people/c123} → {@code google_people_c123}: stable, and free of the id's slash. */
  static String contactId(String resourceName) {
    return GoogleScopes.PROVIDER + "_" + resourceName.replace('/', '_');
  }

  /** The newest update time among the person's sources. */
  static Optional<Instant> updateTime(Person person) {
    PersonMetadata metadata = person.getMetadata();
    if (metadata == null || metadata.getSources() == null) {
      return Optional.empty();
    }
    return metadata.getSources().stream()
        .map(Source::getUpdateTime)
        .filter(Objects::nonNull)
        .flatMap(ContactMapper::instant)
        .max(Instant::compareTo);
  }

  static boolean isDeleted(Person person) {
    return person.getMetadata() != null && Boolean.TRUE.equals(person.getMetadata().getDeleted());
  }

  private static Contact contact(Person p, String resourceName, AddressList list, Instant updated) {
    Optional<Name> name = primary(p.getNames(), Name::getMetadata);
    String given = name.map(Name::getGivenName).map(String::trim).orElse(null);
    String family = name.map(Name::getFamilyName).map(String::trim).orElse(null);
    String display =
        name.map(Name::getDisplayName)
            .filter(n -> !n.isBlank())
            .orElseGet(() -> joined(given, family));
    return new Contact(
        contactId(resourceName),
        display.trim(),
        blankToNull(given),
        blankToNull(family),
        emails(p.getEmailAddresses()),
        phones(p.getPhoneNumbers()),
        List.of(),
        organizations(p.getOrganizations()),
        birthdays(p.getBirthdays()),
        null,
        GoogleScopes.PROVIDER,
        resourceName,
        photos(p.getPhotos()),
        List.of(list.group()),
        List.of(),
        updated);
  }

  /** What a deleted person still is: its ids and list, nothing that could be searched. */
  private static Contact tombstone(String resourceName, AddressList list, Instant updated) {
    return new Contact(
        contactId(resourceName),
        "",
        null,
        null,
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        null,
        GoogleScopes.PROVIDER,
        resourceName,
        List.of(),
        List.of(list.group()),
        List.of(),
        updated);
  }

  private static List<String> emails(@Nullable List<EmailAddress> emails) {
    return stream(emails)
        .map(EmailAddress::getValue)
        .filter(Objects::nonNull)
        .map(String::trim)
        .filter(v -> !v.isEmpty())
        .distinct()
        .toList();
  }

  private static List<Map<String, String>> phones(@Nullable List<PhoneNumber> phones) {
    return stream(phones)
        .filter(ph -> ph.getValue() != null && !ph.getValue().isBlank())
        .map(ph -> texts("value", ph.getValue(), "type", ph.getType()))
        .toList();
  }

  private static List<Map<String, String>> organizations(@Nullable List<Organization> orgs) {
    return stream(orgs)
        .map(
            o -> texts("name", o.getName(), "title", o.getTitle(), "department", o.getDepartment()))
        .filter(o -> !o.isEmpty())
        .toList();
  }

  /** Birthdays with a full date, as midnight UTC (the contract's shape); others are left out. */
  private static List<Instant> birthdays(@Nullable List<Birthday> birthdays) {
    return stream(birthdays)
        .map(Birthday::getDate)
        .filter(d -> d != null && d.getYear() != null && d.getYear() > 0)
        .flatMap(
            d -> {
              try {
                return Stream.of(
                    LocalDate.of(d.getYear(), orZero(d.getMonth()), orZero(d.getDay()))
                        .atStartOfDay(ZoneOffset.UTC)
                        .toInstant());
              } catch (DateTimeException e) {
                return Stream.empty();
              }
            })
        .toList();
  }

  /** Photos the person has; Google's generated silhouettes ({@code default}) are not photos. */
  private static List<Map<String, @Nullable Object>> photos(@Nullable List<Photo> photos) {
    return stream(photos)
        .filter(ph -> ph.getUrl() != null && !Boolean.TRUE.equals(ph.getDefault()))
        .map(ph -> Map.<String, @Nullable Object>of("url", ph.getUrl()))
        .toList();
  }

  private static <T> Optional<T> primary(
      @Nullable List<T> values, Function<T, @Nullable FieldMetadata> metadata) {
    return stream(values)
        .filter(
            v -> metadata.apply(v) != null && Boolean.TRUE.equals(metadata.apply(v).getPrimary()))
        .findFirst()
        .or(() -> stream(values).findFirst());
  }

  /** Pairs of key and value, those with a null or blank value left out. */
  private static Map<String, String> texts(@Nullable String... pairs) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i + 1 < pairs.length; i += 2) {
      String value = pairs[i + 1];
      if (pairs[i] != null && value != null && !value.isBlank()) {
        out.put(pairs[i], value.trim());
      }
    }
    return out;
  }

  private static Stream<Instant> instant(String text) {
    try {
      return Stream.of(Instant.parse(text));
    } catch (DateTimeParseException e) {
      return Stream.empty();
    }
  }

  private static <T> Stream<T> stream(@Nullable List<T> values) {
    return values == null ? Stream.empty() : values.stream().filter(Objects::nonNull);
  }

  private static String joined(@Nullable String given, @Nullable String family) {
    return Stream.of(given, family)
        .filter(s -> s != null && !s.isBlank())
        .reduce((a, b) -> a + " " + b)
        .orElse("");
  }

  private static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value;
  }

  private static int orZero(@Nullable Integer value) {
    return value == null ? 0 : value;
  }
}
