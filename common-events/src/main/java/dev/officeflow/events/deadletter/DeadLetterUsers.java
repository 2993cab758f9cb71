package dev.officeflow.events.deadletter;

import dev.officeflow.events.EventAttributes;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Whose a dead letter is. An event names its user three times: the {@code ce-subject} attribute,
 * the top-level {@code user_id} and {@code metadata.user_id} (ARCHITECTURE §4); the reference
 * services publish no attributes, and a message dead-lettered as invalid may have only some of
 * them. A message belongs to every user any of them names, so purging a user never leaves behind a
 * message that carries their id.
 */
public final class DeadLetterUsers {

  private static final JsonFactory JSON = new JsonFactory();

  private DeadLetterUsers() {}

  /** The user ids {@code message} names; empty when it names none (not JSON, no attributes). */
  public static Set<String> of(DeadLetter message) {
    return of(message.attributes(), message.data());
  }

  static Set<String> of(Map<String, String> attributes, byte[] data) {
    Set<String> users = new LinkedHashSet<>();
    add(users, attributes.get(EventAttributes.SUBJECT));
    fromJson(data, users);
    return Collections.unmodifiableSet(users);
  }

  /**
   * Acks the messages that name any of {@code users} and keeps every other one, including those
   * that name no user at all.
   */
  public static DeadLetterScan.Visitor purging(Set<String> users) {
    Set<String> purged = Set.copyOf(users);
    return message ->
        of(message).stream().anyMatch(purged::contains)
            ? DeadLetterScan.Decision.ACK
            : DeadLetterScan.Decision.KEEP;
  }

  // Streams the top level only, never building a tree or reading a skipped string: dead letters
  // include multi-megabyte bodies and data that is not JSON at all.
  private static void fromJson(byte[] data, Set<String> users) {
    try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), data)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return;
      }
      while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        if ("user_id".equals(name) && value == JsonToken.VALUE_STRING) {
          add(users, parser.getString());
        } else if ("metadata".equals(name) && value == JsonToken.START_OBJECT) {
          fromMetadata(parser, users);
        } else {
          parser.skipChildren();
        }
      }
    } catch (JacksonException e) {
      // Not JSON, or broken after the ids: the ids read before the break still count.
    }
  }

  private static void fromMetadata(JsonParser parser, Set<String> users) {
    while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
      String name = parser.currentName();
      JsonToken value = parser.nextToken();
      if ("user_id".equals(name) && value == JsonToken.VALUE_STRING) {
        add(users, parser.getString());
      } else {
        parser.skipChildren();
      }
    }
  }

  private static void add(Set<String> users, @Nullable String user) {
    if (user != null && !user.isBlank()) {
      users.add(user);
    }
  }
}
