package dev.officeflow.vespaloader.document;

import dev.officeflow.events.Contact;
import dev.officeflow.runtime.consume.PermanentEventException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The {@code contact} document: display name as title, a digest of names, organisations and notes
 * as content. The contacts service's scores travel in {@code contact.tags}: {@code vip_score} (a
 * number) becomes {@code relevance}, {@code last_seen} (ISO-8601) becomes {@code last_seen}.
 */
final class ContactFields {

  static final String VIP_SCORE_TAG = "vip_score";
  static final String LAST_SEEN_TAG = "last_seen";

  private ContactFields() {}

  static void add(Contact contact, Fields fields) {
    fields
        .put("title", title(contact))
        .put("content", digest(contact))
        .put("display_name", contact.displayName())
        .addresses("email_addresses", contact.emailAddresses())
        .put("phone_numbers", contact.phoneNumbers())
        .put("organizations", contact.organizations())
        .put("relevance", relevance(contact.tags().get(VIP_SCORE_TAG)))
        .millis("last_seen", lastSeen(contact.tags().get(LAST_SEEN_TAG)));
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
    parts.addAll(contact.organizations());
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
        "contact.tags." + VIP_SCORE_TAG + " is not a finite number: '" + score + "'");
  }

  private static @Nullable Instant lastSeen(@Nullable String value) {
    if (value == null) {
      return null;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new PermanentEventException(
          "contact.tags." + LAST_SEEN_TAG + " is not an ISO-8601 instant: '" + value + "'", e);
    }
  }

  /** The event's metadata tags with the contact's own tags over them. */
  static Map<String, String> tags(Map<String, String> metadataTags, Contact contact) {
    Map<String, String> tags = new LinkedHashMap<>(metadataTags);
    tags.putAll(contact.tags());
    return tags;
  }
}
