package dev.officeflow.googlesim.gmail;

import dev.officeflow.googlesim.gmail.Mailbox.SortKey;
import dev.officeflow.googlesim.web.ApiKind;
import dev.officeflow.googlesim.web.Caller;
import dev.officeflow.googlesim.web.GoogleErrors;
import dev.officeflow.simkit.mailbox.MimePart;
import dev.officeflow.simkit.web.BadRequestException;
import dev.officeflow.simkit.web.Json;
import dev.officeflow.simkit.web.PageTokens;
import dev.officeflow.simkit.web.Params;
import dev.officeflow.simkit.web.SimResponse;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code getProfile}, {@code labels.list}, {@code messages.list/get}, {@code attachments.get}. */
final class GmailMessages {

  static final int DEFAULT_PAGE = 100;
  static final int MAX_PAGE = 500;

  private static final List<String> SYSTEM_LABELS =
      List.of(
          "INBOX",
          "SENT",
          "UNREAD",
          "STARRED",
          "IMPORTANT",
          "SPAM",
          "TRASH",
          "DRAFT",
          "CHAT",
          "CATEGORY_PERSONAL",
          "CATEGORY_SOCIAL",
          "CATEGORY_PROMOTIONS",
          "CATEGORY_UPDATES",
          "CATEGORY_FORUMS");

  private final Clock clock;

  GmailMessages(Clock clock) {
    this.clock = clock;
  }

  SimResponse profile(Mailbox m) {
    ObjectNode out = Json.object();
    out.put("emailAddress", m.owner())
        .put("messagesTotal", m.messagesTotal())
        .put("threadsTotal", m.threadsTotal())
        .put("historyId", Long.toString(m.historyId()));
    return SimResponse.ok(out);
  }

  SimResponse labels() {
    ObjectNode out = Json.object();
    ArrayNode labels = out.putArray("labels");
    SYSTEM_LABELS.forEach(
        id -> labels.addObject().put("id", id).put("name", id).put("type", "system"));
    return SimResponse.ok(out);
  }

  SimResponse list(Mailbox m, Caller caller, Params p) {
    if (p.has("q") && GmailScopes.metadataOnly(caller.scopes())) {
      return GoogleErrors.forbidden(ApiKind.GMAIL, "Metadata scope does not support 'q' parameter");
    }
    int max = Math.min(MAX_PAGE, p.integer("maxResults").orElse(DEFAULT_PAGE));
    if (max <= 0) {
      throw new BadRequestException("Invalid maxResults: " + max, "maxResults");
    }
    GmailQuery.Parsed query = GmailQuery.parse(p.firstOr("q", ""), clock);
    Predicate<StoredMessage> filter = query.filter().and(labels(p.all("labelIds")));
    if (!p.flag("includeSpamTrash", false) && !query.reachesSpamTrash()) {
      filter = filter.and(s -> !s.hasLabel("SPAM") && !s.hasLabel("TRASH"));
    }
    SortKey after = p.first("pageToken").map(GmailMessages::sortKey).orElse(null);
    Mailbox.Page<StoredMessage> page = m.list(filter, after, max);
    ObjectNode out = Json.object();
    if (!page.items().isEmpty()) {
      ArrayNode list = out.putArray("messages");
      page.items().forEach(s -> list.addObject().put("id", s.id()).put("threadId", s.threadId()));
    }
    if (page.next() != null) {
      out.put(
          "nextPageToken",
          PageTokens.encode("m", Long.toString(page.next().internalDate()), page.next().id()));
    }
    out.put("resultSizeEstimate", page.total());
    return SimResponse.ok(out);
  }

  private static Predicate<StoredMessage> labels(List<String> labelIds) {
    return s -> labelIds.stream().allMatch(s::hasLabel);
  }

  private static SortKey sortKey(String token) {
    List<String> f = PageTokens.decode(token, 3, "pageToken");
    try {
      return new SortKey(Long.parseLong(f.get(1)), f.get(2));
    } catch (NumberFormatException e) {
      throw new BadRequestException("Invalid pageToken", "pageToken");
    }
  }

  SimResponse get(Mailbox m, Caller caller, String id, Params p) {
    MessageJson.Format format = MessageJson.Format.parse(p.firstOr("format", "full"));
    boolean restricted = format == MessageJson.Format.FULL || format == MessageJson.Format.RAW;
    if (restricted && GmailScopes.metadataOnly(caller.scopes())) {
      return GoogleErrors.forbidden(
          ApiKind.GMAIL, "Metadata scope doesn't allow format " + format.name());
    }
    Optional<StoredMessage> message = m.get(id);
    if (message.isEmpty()) {
      return GoogleErrors.notFound(ApiKind.GMAIL);
    }
    return SimResponse.ok(MessageJson.render(message.get(), format, p.all("metadataHeaders")));
  }

  SimResponse attachment(Mailbox m, Caller caller, String messageId, String attachmentId) {
    if (GmailScopes.metadataOnly(caller.scopes())) {
      return GoogleErrors.forbidden(ApiKind.GMAIL, "Metadata scope doesn't allow attachments");
    }
    Optional<MimePart> part =
        m.get(messageId).flatMap(s -> MessageJson.attachment(s, attachmentId));
    if (part.isEmpty() || part.get().body() == null) {
      return GoogleErrors.notFound(ApiKind.GMAIL);
    }
    ObjectNode out = Json.object();
    out.put("size", part.get().body().size())
        .put("data", MessageJson.base64Url(part.get().body().bytes()));
    return SimResponse.ok(out);
  }
}
