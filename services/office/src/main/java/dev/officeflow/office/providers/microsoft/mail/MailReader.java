package dev.officeflow.office.providers.microsoft.mail;

import com.microsoft.graph.models.Message;
import com.microsoft.graph.models.MessageCollectionResponse;
import com.microsoft.graph.users.item.mailfolders.item.messages.MessagesRequestBuilder;
import dev.officeflow.office.backfill.Window;
import dev.officeflow.office.providers.microsoft.GraphPage;
import dev.officeflow.office.providers.microsoft.GraphPages;
import dev.officeflow.office.providers.microsoft.MicrosoftClient;
import dev.officeflow.office.providers.microsoft.MicrosoftSession;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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

  private final MicrosoftClient client;
  private final GraphPages<MessageCollectionResponse, Message> pages;

  MailReader(MicrosoftClient client) {
    this.client = client;
    this.pages = new GraphPages<>(client, LIST, MessageCollectionResponse::getValue);
  }

  int pageSize() {
    return client.settings().mailPageSize();
  }

  /**
   * The page at {@code nextLink}, or (null) the folder's first page of {@code window}; {@code
   * nextLink} null on the folder's last page of the window.
   */
  Mono<GraphPage<Message>> list(
      MicrosoftSession session, MailFolder folder, Window window, @Nullable String nextLink) {
    int top = pageSize();
    return pages.read(
        session,
        nextLink,
        s ->
            messages(s, folder)
                .get(
                    c -> {
                      c.queryParameters.select = SELECT;
                      c.queryParameters.filter = filter(window);
                      c.queryParameters.top = top;
                    }),
        (s, link) -> messages(s, folder).withUrl(link).get());
  }

  private static MessagesRequestBuilder messages(MicrosoftSession s, MailFolder folder) {
    return s.graph().me().mailFolders().byMailFolderId(folder.wellKnownName()).messages();
  }

  /** {@code receivedDateTime} inside the window; the newest window has no upper bound. */
  static String filter(Window w) {
    String from = "receivedDateTime ge " + literal(w.from());
    return w.openTop() ? from : from + " and receivedDateTime lt " + literal(w.to());
  }

  private static String literal(Instant t) {
    return t.truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
