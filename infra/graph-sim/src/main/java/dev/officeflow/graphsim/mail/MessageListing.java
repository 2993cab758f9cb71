package dev.officeflow.graphsim.mail;

import dev.officeflow.graphsim.account.GraphAccount;
import dev.officeflow.graphsim.account.MailFolder;
import dev.officeflow.graphsim.account.MailItem;
import dev.officeflow.graphsim.odata.Links;
import dev.officeflow.graphsim.odata.ODataQuery;
import dev.officeflow.graphsim.odata.Prefer;
import dev.officeflow.graphsim.odata.ReceivedFilter;
import dev.officeflow.graphsim.odata.Refusals;
import dev.officeflow.graphsim.odata.Select;
import dev.officeflow.simkit.web.BadRequestException;
import dev.officeflow.simkit.web.Json;
import dev.officeflow.simkit.web.PageTokens;
import dev.officeflow.simkit.web.SimRequest;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Lists messages (of one folder, or all) as Graph does: filtered by {@code receivedDateTime},
 * newest first unless {@code $orderby} says otherwise, {@code $top} per page (default 10, at most
 * 1000). The next page's link carries a {@code $skiptoken} holding the query and the last message's
 * (received time, id): a keyset, so messages arriving while a client pages never shift a page and
 * none is served twice.
 */
final class MessageListing {

  static final int DEFAULT_TOP = 10;
  static final int MAX_TOP = 1000;

  private record Query(
      String folder,
      ReceivedFilter filter,
      Select select,
      boolean newestFirst,
      int top,
      @Nullable Instant afterTime,
      String afterId) {}

  private MessageListing() {}

  static ObjectNode list(SimRequest r, GraphAccount account, @Nullable MailFolder folder) {
    ODataQuery q = ODataQuery.of(r);
    q.refuse("search", "expand", "count");
    String folderKey = folder == null ? "*" : folder.wellKnownName();
    Query query =
        q.option("skiptoken")
            .map(t -> fromToken(t, folderKey))
            .orElseGet(() -> fromOptions(q, folderKey));
    List<MailItem> all =
        account.messages().snapshot().live().stream()
            .filter(m -> folder == null || m.folder() == folder)
            .filter(m -> query.filter().matches(m.receivedDateTime()))
            .sorted(order(query.newestFirst()))
            .filter(m -> after(m, query))
            .toList();
    int skip = q.option("skiptoken").isPresent() ? 0 : q.skip();
    List<MailItem> rest = all.subList(Math.min(skip, all.size()), all.size());
    List<MailItem> page = rest.subList(0, Math.min(query.top(), rest.size()));
    boolean text = Prefer.of(r).textBodies();
    ObjectNode out = Json.object();
    out.put("@odata.context", context(r, account, folder, query.select()));
    ArrayNode values = out.putArray("value");
    page.forEach(m -> values.add(query.select().apply(MessageJson.of(m, account.id(), text))));
    if (rest.size() > page.size()) {
      MailItem last = page.get(page.size() - 1);
      out.put("@odata.nextLink", Links.link(r, r.path(), Map.of("$skiptoken", token(query, last))));
    }
    return out;
  }

  private static Query fromOptions(ODataQuery q, String folder) {
    Select select =
        q.option("select")
            .map(s -> Select.parse(s, MessageJson.PROPERTIES, MessageJson.TYPE))
            .orElse(Select.ALL);
    return new Query(
        folder, q.receivedFilter(), select, q.newestFirst(), q.top(DEFAULT_TOP, MAX_TOP), null, "");
  }

  private static String token(Query q, MailItem last) {
    return PageTokens.encode(
        "m1",
        q.folder(),
        q.filter().odata(),
        q.select().odata(),
        Boolean.toString(q.newestFirst()),
        Integer.toString(q.top()),
        Long.toString(last.receivedDateTime().toEpochMilli()),
        last.id());
  }

  private static Query fromToken(String token, String folder) {
    try {
      List<String> f = PageTokens.decode(token, 8, "$skiptoken");
      if (!f.get(0).equals("m1") || !f.get(1).equals(folder)) {
        throw Refusals.badRequest("Invalid $skiptoken for this collection.");
      }
      return new Query(
          folder,
          f.get(2).isEmpty() ? ReceivedFilter.NONE : ReceivedFilter.parse(f.get(2)),
          f.get(3).isEmpty()
              ? Select.ALL
              : Select.parse(f.get(3), MessageJson.PROPERTIES, MessageJson.TYPE),
          Boolean.parseBoolean(f.get(4)),
          Integer.parseInt(f.get(5)),
          Instant.ofEpochMilli(Long.parseLong(f.get(6))),
          f.get(7));
    } catch (BadRequestException | NumberFormatException e) {
      throw Refusals.badRequest("Invalid $skiptoken.");
    }
  }

  private static Comparator<MailItem> order(boolean newestFirst) {
    Comparator<MailItem> oldestFirst =
        Comparator.comparing(MailItem::receivedDateTime).thenComparing(MailItem::id);
    return newestFirst ? oldestFirst.reversed() : oldestFirst;
  }

  private static boolean after(MailItem m, Query q) {
    if (q.afterTime() == null) {
      return true;
    }
    int c = m.receivedDateTime().compareTo(q.afterTime());
    if (c == 0) {
      c = m.id().compareTo(q.afterId());
    }
    return q.newestFirst() ? c < 0 : c > 0;
  }

  static String context(
      SimRequest r, GraphAccount account, @Nullable MailFolder folder, Select select) {
    String what =
        (folder == null ? "messages" : "mailFolders('" + folder.wellKnownName() + "')/messages")
            + (select.isAll() ? "" : "(" + select.odata() + ")");
    return Links.context(r, account.id(), what);
  }

  static Optional<MailItem> one(GraphAccount account, String id, @Nullable MailFolder folder) {
    return account.messages().live(id).filter(m -> folder == null || m.folder() == folder);
  }
}
