package dev.officeflow.office.providers.microsoft.streaming;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The Outlook resources streamed for a user: each is one Graph subscription and one delta feed,
 * readable with one scope (or its {@code ReadWrite} sibling).
 */
enum GraphResource {
  INBOX("inbox", "me/mailFolders('inbox')/messages", "Mail.Read"),
  SENT_ITEMS("sentitems", "me/mailFolders('sentitems')/messages", "Mail.Read"),
  EVENTS("events", "me/events", "Calendars.Read"),
  CONTACTS("contacts", "me/contacts", "Contacts.Read");

  /** Every change Graph can notify for Outlook items. */
  static final String CHANGE_TYPES = "created,updated,deleted";

  private final String wire;
  private final String subscriptionResource;
  private final String scope;

  GraphResource(String wire, String subscriptionResource, String scope) {
    this.wire = wire;
    this.subscriptionResource = subscriptionResource;
    this.scope = scope;
  }

  /** The name stored in {@code microsoft_delta.resource}; for mail, Graph's well-known folder. */
  String wire() {
    return wire;
  }

  /** The {@code resource} of the subscription, as Graph takes it. */
  String subscriptionResource() {
    return subscriptionResource;
  }

  /** The delegated scopes of which the grant needs one to read and subscribe to it. */
  Set<String> scopes() {
    return Set.of(scope, scope.replace(".Read", ".ReadWrite"));
  }

  boolean isMail() {
    return this == INBOX || this == SENT_ITEMS;
  }

  static Optional<GraphResource> fromWire(String wire) {
    return Arrays.stream(values()).filter(r -> r.wire.equals(wire)).findFirst();
  }

  /** The resources a grant with {@code scopes} may stream; all when the scopes are unknown. */
  static List<GraphResource> grantedBy(Set<String> scopes) {
    return Arrays.stream(values())
        .filter(r -> scopes.isEmpty() || r.scopes().stream().anyMatch(scopes::contains))
        .toList();
  }
}
