package dev.officeflow.events.reference;

import dev.officeflow.events.EventType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Events written as a reference producer writes them ({@code reference-examples/}): pydantic's
 * {@code model_dump_json} of the reference models, every field present, every optional structure
 * filled, no officeflow extension, providers named {@code gmail}, {@code outlook} and {@code
 * google}. Each can be re-keyed for another user and item, so tests against a shared system do not
 * see each other's data.
 */
public final class ReferenceExamples {

  /** The classpath folder of the examples. */
  public static final String FOLDER = "reference-examples/";

  /** The user id the files are written for. */
  public static final String USER_ID = "ref-user-1";

  /** The address of the user's own account in every example. */
  public static final String OWN_ADDRESS = "avery@reference.example";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static final List<ReferenceExample> ALL =
      List.of(
          load("email-gmail-sent", EventType.EMAIL),
          load("email-outlook-received", EventType.EMAIL),
          load("calendar-outlook-series", EventType.CALENDAR),
          load("contact-google", EventType.CONTACT),
          load("document-google-word", EventType.DOCUMENT),
          load("todo-outlook", EventType.TODO));

  private ReferenceExamples() {}

  /** Every example, emails first. */
  public static List<ReferenceExample> all() {
    return ALL;
  }

  /** The example of that name (its file name without {@code .json}). */
  public static ReferenceExample named(String name) {
    return ALL.stream()
        .filter(e -> e.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no reference example " + name));
  }

  /** Every example re-keyed for {@code userId}; item ids get {@code itemSuffix} appended. */
  public static List<ReferenceExample> forUser(String userId, String itemSuffix) {
    return ALL.stream().map(e -> e.rekeyed(userId, itemSuffix)).toList();
  }

  private static ReferenceExample load(String name, EventType type) {
    String resource = FOLDER + name + ".json";
    try (InputStream in = ReferenceExamples.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("no " + resource + " on the classpath");
      }
      return new ReferenceExample(
          name, type, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * One example event.
   *
   * @param name the file name without {@code .json}
   * @param type its event type, whose topic it travels on
   * @param json the event's JSON text, as the reference writes it
   */
  public record ReferenceExample(String name, EventType type, String json) {

    /** The event's JSON, as published: UTF-8, no attributes needed. */
    public byte[] bytes() {
      return json.getBytes(StandardCharsets.UTF_8);
    }

    /** The JSON as a tree of its own, to read or change. */
    public ObjectNode tree() {
      return (ObjectNode) JSON.readTree(json);
    }

    /** The payload's field name: {@code email}, {@code event}, {@code contact}, ... */
    public String payloadField() {
      return switch (type) {
        case EMAIL -> "email";
        case CALENDAR -> "event";
        case CONTACT -> "contact";
        case DOCUMENT -> "document";
        case TODO -> "todo";
        default -> throw new IllegalStateException(type + " is not a data event");
      };
    }

    /** The payload's field with the provider's id of the item. */
    public String providerIdField() {
      return switch (type) {
        case EMAIL -> "provider_message_id";
        case CALENDAR -> "provider_event_id";
        case CONTACT -> "provider_contact_id";
        case DOCUMENT -> "provider_document_id";
        case TODO -> "provider_todo_id";
        default -> throw new IllegalStateException(type + " is not a data event");
      };
    }

    /** The provider's id of the item, as written. */
    public String providerItemId() {
      return tree().path(payloadField()).path(providerIdField()).asString();
    }

    /**
     * The same event for {@code userId} (top level and metadata), with a new event id derived from
     * both, and {@code itemSuffix} appended to the payload's {@code id} and provider id.
     */
    public ReferenceExample rekeyed(String userId, String itemSuffix) {
      ObjectNode copy = tree();
      copy.put("user_id", userId);
      ObjectNode metadata = (ObjectNode) copy.path("metadata");
      metadata.put("user_id", userId);
      metadata.put(
          "event_id",
          UUID.nameUUIDFromBytes(
                  (userId + "/" + name + "/" + itemSuffix).getBytes(StandardCharsets.UTF_8))
              .toString());
      ObjectNode payload = (ObjectNode) copy.path(payloadField());
      payload.put("id", payload.path("id").asString() + itemSuffix);
      payload.put(providerIdField(), payload.path(providerIdField()).asString() + itemSuffix);
      return new ReferenceExample(name, type, JSON.writeValueAsString(copy));
    }
  }
}
