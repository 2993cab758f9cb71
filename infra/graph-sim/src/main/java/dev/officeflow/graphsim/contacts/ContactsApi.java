package dev.officeflow.graphsim.contacts;

import dev.officeflow.graphsim.account.Accounts;
import dev.officeflow.graphsim.account.ContactItem;
import dev.officeflow.graphsim.account.GraphAccount;
import dev.officeflow.graphsim.account.Snapshot;
import dev.officeflow.graphsim.delta.DeltaEntry;
import dev.officeflow.graphsim.delta.DeltaParams;
import dev.officeflow.graphsim.delta.DeltaQuery;
import dev.officeflow.graphsim.delta.DeltaSource;
import dev.officeflow.graphsim.identity.Scopes;
import dev.officeflow.graphsim.odata.Links;
import dev.officeflow.graphsim.odata.ODataQuery;
import dev.officeflow.graphsim.odata.Paths;
import dev.officeflow.graphsim.odata.Refusals;
import dev.officeflow.graphsim.odata.Select;
import dev.officeflow.graphsim.web.GraphGuard;
import dev.officeflow.simkit.web.BadRequestException;
import dev.officeflow.simkit.web.Handler;
import dev.officeflow.simkit.web.Json;
import dev.officeflow.simkit.web.PageTokens;
import dev.officeflow.simkit.web.SimRequest;
import dev.officeflow.simkit.web.SimResponse;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /v1.0/me/contacts} ({@code $select}, {@code $top} default 10 at most 1000, keyset
 * {@code $skiptoken} by id), {@code /me/contacts/{id}} and {@code /me/contacts/delta}. Needs {@code
 * Contacts.Read} (or {@code Contacts.ReadWrite}); read-only.
 */
public final class ContactsApi implements Handler {

  public static final String CONTACTS = Links.VERSION + "/me/contacts";

  private final Accounts accounts;
  private final GraphGuard guard;
  private final DeltaQuery delta;

  public ContactsApi(Accounts accounts, GraphGuard guard, DeltaQuery delta) {
    this.accounts = accounts;
    this.guard = guard;
    this.delta = delta;
  }

  @Override
  public SimResponse handle(SimRequest r) {
    return guard.call(r, Scopes.CONTACTS_READ, call -> route(r, accounts.of(call)));
  }

  private SimResponse route(SimRequest r, GraphAccount account) {
    if (!r.is("GET")) {
      throw Refusals.methodNotAllowed(r.method());
    }
    List<String> seg = Paths.underMe(r);
    if (seg.size() == 1) {
      return SimResponse.ok(list(r, account));
    }
    if (seg.size() > 2) {
      throw Refusals.badRequest("Unsupported segment in " + r.path());
    }
    return Paths.isDelta(seg.get(1)) ? delta(r, account) : one(r, account, seg.get(1));
  }

  private static Select select(ODataQuery q) {
    return q.option("select")
        .map(s -> Select.parse(s, ContactJson.PROPERTIES, ContactJson.TYPE))
        .orElse(Select.ALL);
  }

  private static ObjectNode list(SimRequest r, GraphAccount account) {
    ODataQuery q = ODataQuery.of(r);
    q.refuse("search", "expand", "count", "filter", "orderby");
    Select select;
    int top;
    String afterId;
    if (q.option("skiptoken").isPresent()) {
      try {
        List<String> f = PageTokens.decode(q.option("skiptoken").get(), 4, "$skiptoken");
        if (!f.get(0).equals("k1")) {
          throw Refusals.badRequest("Invalid $skiptoken.");
        }
        select = Select.parse(f.get(1), ContactJson.PROPERTIES, ContactJson.TYPE);
        top = Integer.parseInt(f.get(2));
        afterId = f.get(3);
      } catch (BadRequestException | NumberFormatException e) {
        throw Refusals.badRequest("Invalid $skiptoken.");
      }
    } else {
      select = select(q);
      top = q.top(10, 1000);
      afterId = "";
    }
    String after = afterId;
    List<ContactItem> rest =
        account.contacts().snapshot().live().stream()
            .sorted(Comparator.comparing(ContactItem::id))
            .filter(c -> c.id().compareTo(after) > 0)
            .skip(q.option("skiptoken").isPresent() ? 0 : q.skip())
            .toList();
    List<ContactItem> page = rest.subList(0, Math.min(top, rest.size()));
    ObjectNode out = Json.object();
    out.put(
        "@odata.context",
        Links.context(
            r, account.id(), "contacts" + (select.isAll() ? "" : "(" + select.odata() + ")")));
    ArrayNode values = out.putArray("value");
    page.forEach(c -> values.add(select.apply(ContactJson.of(c, account.id()))));
    if (rest.size() > page.size()) {
      String token =
          PageTokens.encode(
              "k1", select.odata(), Integer.toString(top), page.get(page.size() - 1).id());
      out.put("@odata.nextLink", Links.link(r, r.path(), Map.of("$skiptoken", token)));
    }
    return out;
  }

  private static SimResponse one(SimRequest r, GraphAccount account, String id) {
    if (!Paths.looksLikeId(id)) {
      throw Refusals.malformedId();
    }
    ContactItem c = account.contacts().live(id).orElseThrow(Refusals::itemNotFound);
    ObjectNode o = select(ODataQuery.of(r)).apply(ContactJson.of(c, account.id()));
    o.put("@odata.context", Links.context(r, account.id(), "contacts/$entity"));
    return SimResponse.ok(o);
  }

  private SimResponse delta(SimRequest r, GraphAccount account) {
    ODataQuery q = ODataQuery.of(r);
    q.refuse("search", "expand", "filter", "orderby", "skip");
    String select = q.option("select").orElse("");
    Select.parse(select, ContactJson.PROPERTIES, ContactJson.TYPE);
    DeltaQuery.Target target =
        new DeltaQuery.Target(
            account.id(),
            "contacts",
            "#" + ContactJson.TYPE,
            Links.context(r, account.id(), "contacts"),
            DeltaParams.of("", select));
    return delta.serve(r, target, params -> entries(account, params));
  }

  private static DeltaSource.Entries entries(GraphAccount account, DeltaParams params) {
    Select select = Select.parse(params.select(), ContactJson.PROPERTIES, ContactJson.TYPE);
    Snapshot<ContactItem> snapshot = account.contacts().snapshot();
    List<DeltaEntry> entries =
        snapshot.items().stream()
            .map(
                c ->
                    c.deleted()
                        ? DeltaEntry.removed(c.id(), c.version(), "deleted")
                        : DeltaEntry.live(
                            c.id(),
                            c.version(),
                            () -> select.apply(ContactJson.of(c, account.id()))))
            .toList();
    return new DeltaSource.Entries(entries, snapshot.sequence());
  }
}
