package dev.officeflow.vespaloader.document;

import dev.officeflow.events.Contact;
import dev.officeflow.events.ContactEvent;
import dev.officeflow.runtime.consume.PermanentEventException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The {@code contact} document: display name as title, a digest of names, organisations and notes
 * as content, phone numbers and organisation names as text. The contacts service's scores travel in
 * the event's {@code metadata.tags}: {@code vip_score} (a number) becomes {@code relevance}, {@code
 * last_seen} (ISO-8601) becomes {@code last_seen}. Contact events written before the contract
 * followed the reference carried them in {@code contact.tags}, read now as {@code key:value}
 * labels: they are looked up there too.
 */
final class ContactFields {

  static final String VIP_SCORE_TAG = "vip_score";
  static final String LAST_SEEN_TAG = "last_seen";

  private ContactFields() {}

  static void add(ContactEvent event, Contact contact, Fields fields) {
    fields
        .put("title", title(contact))
        .put("content", digest(contact))
        .put("display_name", contact.displayName())
        .addresses("email_addresses", contact.emailAddresses())
        .put("phone_numbers", values(contact.phoneNumbers(), "value"))
        .put("organizations", values(contact.organizations(), "name"))
        .put("relevance", relevance(event, contact))
        .millis("last_seen", lastSeen(event, contact));
  }

  /**
   * The contacts service's score from the metadata, where it writes it (a bad value there is a bad
   * event); else from a {@code vip_score:} label of the earlier shape, which another producer may
   * also write for its own reasons, so a label that is not a number is ignored.
   */
  private static @Nullable Double relevance(ContactEvent event, Contact contact) {
    String score = event.metadata().tags().get(VIP_SCORE_TAG);
    if (score != null) {
      return relevance(score);
    }
    return label(contact, VIP_SCORE_TAG).flatMap(ContactFields::number).orElse(null);
  }

  private static @Nullable Instant lastSeen(ContactEvent event, Contact contact) {
    String seen = event.metadata().tags().get(LAST_SEEN_TAG);
    if (seen != null) {
      return lastSeen(seen);
    }
    return label(contact, LAST_SEEN_TAG).flatMap(ContactFields::instant).orElse(null);
  }

  private static Optional<String> label(Contact contact, String name) {
    String prefix = name + ":";
    return contact.tags().stream()
        .filter(t -> t.startsWith(prefix))
        .map(t -> t.substring(prefix.length()))
        .findFirst();
  }

  private static Optional<Double> number(String text) {
    try {
      double value = Double.parseDouble(text);
      return Double.isFinite(value) ? Optional.of(value) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static Optional<Instant> instant(String text) {
    try {
      return Optional.of(Instant.parse(text));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static List<String> values(List<Map<String, String>> objects, String key) {
    return objects.stream().map(o -> o.get(key)).filter(Objects::nonNull).toList();
  }

  /** The display name, else the given and family names, else the first address. */
  static @Nullable String title(Contact contact) {
    if (contact.displayName() != null && !contact.displayName().isBlank()) {
      return contact.displayName();
    }
    String names = joined(Stream.of(contact.givenName(), contact.familyName()), " ");
    if (!names.isEmpty()) {
      return names;
    }
    return contact.emailAddresses().isEmpty() ? null : contact.emailAddresses().get(0);
  }

  private static @Nullable String digest(Contact contact) {
    List<@Nullable String> parts = new ArrayList<>();
    parts.add(contact.displayName());
    parts.add(contact.givenName());
    parts.add(contact.familyName());
    parts.addAll(values(contact.organizations(), "name"));
    parts.add(contact.notes());
    String digest = joined(parts.stream(), "\n");
    return digest.isEmpty() ? null : digest;
  }

  private static String joined(Stream<@Nullable String> parts, String separator) {
    return parts
        .filter(Objects::nonNull)
        .map(String::trim)
        .filter(part -> !part.isEmpty())
        .distinct()
        .collect(Collectors.joining(separator));
  }

  private static @Nullable Double relevance(@Nullable String score) {
    if (score == null) {
      return null;
    }
    try {
      double value = Double.parseDouble(score);
      if (Double.isFinite(value)) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below with the offending value
    }
    throw new PermanentEventException(
        "tags." + VIP_SCORE_TAG + " is not a finite number: '" + score + "'");
  }

  private static @Nullable Instant lastSeen(@Nullable String value) {
    if (value == null) {
      return null;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new PermanentEventException(
          "tags." + LAST_SEEN_TAG + " is not an ISO-8601 instant: '" + value + "'", e);
    }
  }

  /**
   * The event's metadata tags with the contact's own labels over them: {@code key:value} as that
   * pair, a bare label with an empty value.
   */
  static Map<String, String> tags(Map<String, String> metadataTags, Contact contact) {
    Map<String, String> tags = new LinkedHashMap<>(metadataTags);
    for (String label : contact.tags()) {
      int colon = label.indexOf(':');
      tags.put(
          colon < 0 ? label : label.substring(0, colon),
          colon < 0 ? "" : label.substring(colon + 1));
    }
    return tags;
  }
}
