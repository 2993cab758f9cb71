package dev.officeflow.graphsim.account;

import dev.officeflow.simkit.mailbox.ContactRank;
import dev.officeflow.simkit.web.Json;
import java.util.Comparator;
import java.util.Optional;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The admin API's ground-truth lists: every live message, event and contact, briefly. */
final class ContentLists {

  private ContentLists() {}

  static ObjectNode messages(GraphAccount a, Optional<String> folder) {
    ObjectNode out = Json.object();
    ArrayNode values = out.putArray("value");
    a.messages().snapshot().live().stream()
        .filter(m -> folder.isEmpty() || m.folder().wellKnownName().equalsIgnoreCase(folder.get()))
        .sorted(Comparator.comparing(MailItem::receivedDateTime))
        .forEach(
            m ->
                values
                    .addObject()
                    .put("id", m.id())
                    .put("folder", m.folder().wellKnownName())
                    .put("conversationId", m.conversationId())
                    .put("receivedDateTime", m.receivedDateTime().toString())
                    .put("subject", m.subject()));
    return out;
  }

  static ObjectNode events(GraphAccount a) {
    ObjectNode out = Json.object();
    ArrayNode values = out.putArray("value");
    a.events().snapshot().live().stream()
        .sorted(Comparator.comparing((EventItem e) -> e.record().start().instant()))
        .forEach(
            e ->
                values
                    .addObject()
                    .put("id", e.id())
                    .put("subject", e.record().summary())
                    .put("start", e.record().start().instant().toString())
                    .put("isAllDay", e.record().start().isAllDay())
                    .put("isSeries", e.isSeries())
                    .put("isCancelled", e.record().isCancelled()));
    return out;
  }

  static ObjectNode contacts(GraphAccount a) {
    ObjectNode out = Json.object();
    ArrayNode values = out.putArray("value");
    a.contacts()
        .snapshot()
        .live()
        .forEach(
            c -> {
              ObjectNode o = values.addObject();
              o.put("id", c.id()).put("displayName", c.person().displayName());
              c.person().emails().forEach(e -> o.withArray("emailAddresses").add(e.value()));
            });
    return out;
  }

  static ObjectNode closest(GraphAccount a, int n) {
    ObjectNode out = Json.object();
    ArrayNode values = out.putArray("value");
    for (ContactRank rank : a.generated().closestContacts(n)) {
      values.add(Json.MAPPER.valueToTree(rank));
    }
    return out;
  }
}
