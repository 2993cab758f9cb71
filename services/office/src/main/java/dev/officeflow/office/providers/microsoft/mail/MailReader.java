package dev.officeflow.office.providers.microsoft.mail;

import com.microsoft.graph.models.Message;
import com.microsoft.graph.models.MessageCollectionResponse;
import com.microsoft.graph.users.item.mailfolders.item.messages.MessagesRequestBuilder;
import dev.officeflow.office.backfill.Window;
import dev.officeflow.office.providers.microsoft.MicrosoftClient;
import dev.officeflow.office.providers.microsoft.MicrosoftSession;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Pages of one folder's messages received in a window, newest first (Graph's default order), with
 * the properties {@link MessageMapper} reads: {@code GET /me/mailFolders/{folder}/messages?$select=
 * ...&$filter=receivedDateTime ge X [and receivedDateTime lt Y]&$top=N}, then the answer's {@code
 * @odata.nextLink} as it is.
 */
final class MailReader {

  static final String LIST = "graph.mailFolders.messages.list";

  /** What the mapping needs; the body is left out (as Gmail's metadata format leaves it). */
  static final String[] SELECT = {
    "id",
    "conversationId",
    "internetMessageId",
    "subject",
    "from",
    "toRecipients",
    "ccRecipients",
    "bccRecipients",
    "receivedDateTime",
    "sentDateTime",
    "categories",
    "isRead",
    "hasAttachments",
    "flag",
    "importance"
  };

  /** One page; {@code nextLink} null on the folder's last page of the window. */
  record MessagePage(List<Message> messages, @Nullable String nextLink) {

    MessagePage {
      messages = List.copyOf(messages);
    }
  }

  private final MicrosoftClient client;

  MailReader(MicrosoftClient client) {
    this.client = client;
  }

  int pageSize() {
    return client.settings().mailPageSize();
  }

  /** The page at {@code nextLink}, or (null) the folder's first page of {@code window}. */
  Mono<MessagePage> list(
      MicrosoftSession session, MailFolder folder, Window window, @Nullable String nextLink) {
    int top = client.settings().mailPageSize();
    return client
        .call(
            session,
            LIST,
            s -> {
              MessagesRequestBuilder messages =
                  s.graph().me().mailFolders().byMailFolderId(folder.wellKnownName()).messages();
              if (nextLink != null) {
                return messages.withUrl(nextLink).get();
              }
              return messages.get(
                  c -> {
                    c.queryParameters.select = SELECT;
                    c.queryParameters.filter = filter(window);
                    c.queryParameters.top = top;
                  });
            })
        .map(MailReader::page)
        // An answer without a body (the SDK's null) is an empty last page.
        .defaultIfEmpty(new MessagePage(List.of(), null));
  }

  /** {@code receivedDateTime} inside the window; the newest window has no upper bound. */
  static String filter(Window w) {
    String from = "receivedDateTime ge " + literal(w.from());
    return w.openTop() ? from : from + " and receivedDateTime lt " + literal(w.to());
  }

  private static String literal(Instant t) {
    return t.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  private static MessagePage page(@Nullable MessageCollectionResponse r) {
    if (r == null) {
      return new MessagePage(List.of(), null);
    }
    List<Message> values = r.getValue() == null ? List.of() : r.getValue();
    String next = r.getOdataNextLink();
    return new MessagePage(values, next == null || next.isBlank() ? null : next);
  }
}
