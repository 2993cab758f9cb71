package dev.officeflow.googlesim.people;

import dev.officeflow.simkit.people.PersonRecord;
import dev.officeflow.simkit.web.Json;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The People API {@code Person} resource as Google writes it: {@code resourceName} and {@code etag}
 * always, the other fields only when the field mask names them, empty lists left out, each value
 * with its field {@code metadata} (primary, source). A deleted person in an incremental sync
 * carries only its name, etag and {@code metadata.deleted}.
 */
final class PersonJson {

  private static final DateTimeFormatter RFC3339 =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private PersonJson() {}

  static ObjectNode render(PersonRecord p, Set<String> mask) {
    PeopleSource source = PeopleSource.of(p);
    ObjectNode out = Json.object();
    out.put("resourceName", p.resourceName()).put("etag", etag(p));
    if (p.deleted() || mask.contains("metadata")) {
      ObjectNode metadata = out.putObject("metadata");
      metadata.putArray("sources").add(source(p, source, true));
      if (p.deleted()) {
        metadata.put("deleted", true);
        return out;
      }
    }
    if (mask.contains("names") && !p.displayName().isEmpty()) {
      names(out.putArray("names").addObject(), p, source);
    }
    if (mask.contains("emailAddresses") && !p.emails().isEmpty()) {
      emails(out.putArray("emailAddresses"), p, source);
    }
    if (mask.contains("phoneNumbers") && !p.phones().isEmpty()) {
      phones(out.putArray("phoneNumbers"), p, source);
    }
    if (mask.contains("organizations") && p.organization() != null) {
      ObjectNode org = out.putArray("organizations").addObject();
      org.set("metadata", fieldMetadata(p, source, true));
      org.put("type", "work").put("formattedType", "Work");
      org.put("name", p.organization().name()).put("title", p.organization().title());
    }
    return out;
  }

  private static void names(ObjectNode name, PersonRecord p, PeopleSource source) {
    name.set("metadata", fieldMetadata(p, source, true));
    name.put("displayName", p.displayName());
    if (!p.familyName().isEmpty()) {
      name.put("familyName", p.familyName());
    }
    if (!p.givenName().isEmpty()) {
      name.put("givenName", p.givenName());
    }
    name.put(
        "displayNameLastFirst",
        p.familyName().isEmpty() ? p.givenName() : p.familyName() + ", " + p.givenName());
    name.put("unstructuredName", p.displayName());
  }

  private static void emails(ArrayNode list, PersonRecord p, PeopleSource source) {
    for (int i = 0; i < p.emails().size(); i++) {
      PersonRecord.Email e = p.emails().get(i);
      ObjectNode node = list.addObject();
      node.set("metadata", fieldMetadata(p, source, i == 0));
      node.put("value", e.value());
      typed(node, e.type());
    }
  }

  private static void phones(ArrayNode list, PersonRecord p, PeopleSource source) {
    for (int i = 0; i < p.phones().size(); i++) {
      PersonRecord.Phone ph = p.phones().get(i);
      ObjectNode node = list.addObject();
      node.set("metadata", fieldMetadata(p, source, i == 0));
      node.put("value", ph.value());
      node.put("canonicalForm", ph.value().replaceAll("[^+0-9]", ""));
      typed(node, ph.type());
    }
  }

  private static void typed(ObjectNode node, String type) {
    if (!type.isEmpty()) {
      node.put("type", type)
          .put("formattedType", type.substring(0, 1).toUpperCase(Locale.ROOT) + type.substring(1));
    }
  }

  private static ObjectNode fieldMetadata(PersonRecord p, PeopleSource source, boolean primary) {
    ObjectNode node = Json.object();
    if (primary) {
      node.put("primary", true).put("sourcePrimary", true);
    }
    node.set("source", source(p, source, false));
    return node;
  }

  /**
   * A {@code Source}: the full one (etag, update time) in person metadata, the short one in fields.
   */
  private static ObjectNode source(PersonRecord p, PeopleSource source, boolean full) {
    ObjectNode node = Json.object();
    node.put("type", source.sourceType()).put("id", sourceId(p));
    if (full) {
      node.put("etag", "#" + token(p, 8)).put("updateTime", RFC3339.format(p.updated()));
    }
    return node;
  }

  /** Opaque like Google's ({@code %EgUBAgkLLhoEAQIFByIM...}); changes whenever the person does. */
  static String etag(PersonRecord p) {
    return "%Eg" + token(p, 18);
  }

  private static String token(PersonRecord p, int length) {
    long a = p.resourceName().hashCode() * 0x9E3779B97F4A7C15L;
    long b = p.updated().toEpochMilli() * 31 + (p.deleted() ? 1 : 0) + List.of(p).hashCode();
    byte[] raw = ByteBuffer.allocate(16).putLong(a).putLong(a ^ b).array();
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw).substring(0, length);
  }

  static String time(Instant instant) {
    return RFC3339.format(instant);
  }

  /** The source id Google shows in {@code metadata.sources[].id}: the resource number in hex. */
  static String sourceId(PersonRecord p) {
    return Long.toHexString(Long.parseUnsignedLong(p.number()));
  }
}
