package dev.officeflow.events.contract;

import dev.officeflow.events.EventType;
import dev.officeflow.events.catalog.Catalog;
import dev.officeflow.events.catalog.SubscriptionSpec;
import dev.officeflow.events.catalog.Topics;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The AsyncAPI 3.0.0 document of officeflow's Pub/Sub topics, built from the catalog: a channel per
 * topic (dead-letter topics included), a send operation per topic a service publishes, a receive
 * operation per subscription, and a message per event type whose payload refers to the event's JSON
 * Schema file and whose headers are its attributes.
 */
final class AsyncApiDocument {

  static final String ASYNCAPI_VERSION = "3.0.0";

  /** The message of every dead-letter topic. */
  static final String DEAD_LETTERED = "DeadLetteredMessage";

  /** The message of {@link Topics#GMAIL_PUSH}: Google's, not an officeflow event. */
  static final String GMAIL_NOTIFICATION = "GmailNotification";

  /**
   * Who publishes each topic (ARCHITECTURE §3), which the catalog does not say: it names consumers.
   * A topic without an entry has no officeflow producer yet.
   */
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private AsyncApiDocument() {}

  /** The document, {@code version} being the project's. */
  static ObjectNode build(String version) {
    ObjectNode document = NODES.objectNode();
    document.put("asyncapi", ASYNCAPI_VERSION);
    document.set("info", info(version));
    document.put("defaultContentType", "application/json");
    document.set("channels", channels());
    document.set("operations", operations());
    document.set("components", components());
    return document;
  }

  private static ObjectNode info(String version) {
    ObjectNode info = NODES.objectNode();
    info.put("title", "officeflow");
    info.put("version", version);
    info.put(
        "description",
        "officeflow's events on Google Cloud Pub/Sub: every topic and subscription of the catalog"
            + " in common-events, and the messages they carry. Message data is JSON with"
            + " snake_case names; each payload schema (schemas/, JSON Schema draft-07) is the"
            + " writer's contract, what officeflow writes, and readers ignore properties they do"
            + " not know. Generated from the catalog and the event records by"
            + " dev.officeflow.events.contract.ContractDocuments: regenerate, do not edit.");
    return info;
  }

  /** Every event topic, then every dead-letter topic. */
  private static ObjectNode channels() {
    ObjectNode channels = NODES.objectNode();
    for (String topic : Catalog.topics()) {
      channels.set(topic, channel(topic, message(topic), topicDescription(topic)));
    }
    for (SubscriptionSpec spec : Catalog.subscriptions()) {
      channels.set(
          spec.deadLetterTopic(),
          channel(spec.deadLetterTopic(), DEAD_LETTERED, deadLetterDescription(spec)));
    }
    return channels;
  }

  /** What the services publish, what they read, and what their runtime dead-letters. */
  private static ObjectNode operations() {
    ObjectNode operations = NODES.objectNode();
    for (String topic : Catalog.topics()) {
      List<String> producers = Catalog.publishersOf(topic);
      if (!producers.isEmpty()) {
        operations.set(
            "send-" + topic,
            operation(
                "send",
                topic,
                message(topic),
                String.join(" and ", producers)
                    + (producers.size() == 1 ? " publishes" : " publish")
                    + " on "
                    + topic,
                null));
      }
    }
    for (SubscriptionSpec spec : Catalog.subscriptions()) {
      operations.set("receive-" + spec.name(), receive(spec));
    }
    for (SubscriptionSpec spec : Catalog.subscriptions()) {
      operations.set(
          "send-" + spec.deadLetterTopic(),
          operation(
              "send",
              spec.deadLetterTopic(),
              DEAD_LETTERED,
              spec.consumer() + " dead-letters what " + spec.name() + " gives up on",
              null));
    }
    return operations;
  }

  /** The file name of an event type's schema, beside this document under {@code schemas/}. */
  static String schemaFile(EventType type) {
    return type.eventClass().getSimpleName() + ".schema.json";
  }

  private static String message(String topic) {
    Optional<EventType> type = EventType.ofTopic(topic);
    if (type.isPresent()) {
      return type.get().eventClass().getSimpleName();
    }
    if (topic.equals(Topics.GMAIL_PUSH)) {
      return GMAIL_NOTIFICATION;
    }
    throw new IllegalStateException("topic " + topic + " carries no known message: describe it");
  }

  private static ObjectNode channel(String topic, String message, String description) {
    ObjectNode channel = NODES.objectNode();
    channel.put("address", topic);
    channel.put("description", description);
    channel.putObject("messages").set(message, ref("#/components/messages/" + message));
    return channel;
  }

  private static ObjectNode receive(SubscriptionSpec spec) {
    String description =
        "Subscription "
            + spec.name()
            + ", consumer "
            + spec.consumer()
            + ": ack deadline "
            + spec.ackDeadline().toSeconds()
            + " s, retries backing off from "
            + spec.minBackoff().toSeconds()
            + " s to "
            + spec.maxBackoff().toSeconds()
            + " s, "
            + spec.maxDeliveryAttempts()
            + " delivery attempts, then "
            + spec.deadLetterTopic()
            + ".";
    return operation(
        "receive",
        spec.topic(),
        message(spec.topic()),
        spec.consumer() + " reads " + spec.topic(),
        description);
  }

  private static ObjectNode operation(
      String action, String channel, String message, String summary, @Nullable String description) {
    ObjectNode operation = NODES.objectNode();
    operation.put("action", action);
    operation.set("channel", ref("#/channels/" + channel));
    operation.put("summary", summary);
    if (description != null) {
      operation.put("description", description);
    }
    operation.putArray("messages").add(ref("#/channels/" + channel + "/messages/" + message));
    return operation;
  }

  private static String topicDescription(String topic) {
    List<String> producers = Catalog.publishersOf(topic);
    String from =
        !producers.isEmpty()
            ? "Published by " + String.join(" and ", producers) + "."
            : topic.equals(Topics.GMAIL_PUSH)
                ? "Published by Gmail (users.watch) for every mailbox office watches."
                : "No officeflow service publishes here yet (ARCHITECTURE §3).";
    List<String> readers =
        Catalog.subscriptions().stream()
            .filter(s -> s.topic().equals(topic))
            .map(s -> s.consumer() + " (" + s.name() + ")")
            .toList();
    return from + " Read by " + String.join(", ", readers) + ".";
  }

  private static String deadLetterDescription(SubscriptionSpec spec) {
    return "What subscription "
        + spec.name()
        + " (consumer "
        + spec.consumer()
        + ", topic "
        + spec.topic()
        + ") gave up on: a permanent failure at once, any other after "
        + spec.maxDeliveryAttempts()
        + " deliveries. The subscription "
        + spec.deadLetterSubscription()
        + " keeps them for inspection and replay.";
  }

  private static ObjectNode components() {
    ObjectNode components = NODES.objectNode();
    ObjectNode messages = components.putObject("messages");
    ObjectNode schemas = components.putObject("schemas");
    for (EventType type : EventType.values()) {
      String name = type.eventClass().getSimpleName();
      ObjectNode message = messages.putObject(name);
      message.put("name", name);
      message.put("summary", Notes.summary(type));
      message.put("contentType", "application/json");
      message.set("headers", ref("#/components/schemas/" + name + "Headers"));
      message.set("payload", ref("./schemas/" + schemaFile(type)));
      schemas.set(name + "Headers", MessageHeaders.of(type));
    }
    messages.set(DEAD_LETTERED, deadLettered());
    schemas.set("DeadLetteredHeaders", MessageHeaders.deadLettered());
    ObjectNode gmail = messages.putObject(GMAIL_NOTIFICATION);
    gmail.put("name", GMAIL_NOTIFICATION);
    gmail.put("summary", "Gmail's push notification: a watched mailbox has new history.");
    gmail.set("payload", ref("#/components/schemas/" + GMAIL_NOTIFICATION));
    schemas.set(GMAIL_NOTIFICATION, gmailNotification());
    return components;
  }

  private static ObjectNode deadLettered() {
    ObjectNode message = NODES.objectNode();
    message.put("name", DEAD_LETTERED);
    message.put(
        "summary",
        "A message a consumer gave up on, its data unchanged: an event of the source topic's"
            + " type, or the data that could not be read as one.");
    message.set("headers", ref("#/components/schemas/DeadLetteredHeaders"));
    message.set("payload", Notes.described("The original message's data, as it was."));
    return message;
  }

  private static ObjectNode gmailNotification() {
    ObjectNode schema =
        Notes.described(
            "Google's format, not an officeflow event: office reads the mailbox's history from"
                + " its stored position up to historyId.");
    schema.put("type", "object");
    ObjectNode properties = schema.putObject("properties");
    ObjectNode address = Notes.described("The watched mailbox");
    address.put("type", "string");
    properties.set("emailAddress", address);
    ObjectNode historyId =
        Notes.described("The mailbox's latest history id (office also reads a numeric string)");
    historyId.put("type", "integer");
    historyId.put("minimum", 1);
    properties.set("historyId", historyId);
    schema.putArray("required").add("emailAddress").add("historyId");
    return schema;
  }

  private static ObjectNode ref(String target) {
    ObjectNode ref = NODES.objectNode();
    ref.put("$ref", target);
    return ref;
  }
}
