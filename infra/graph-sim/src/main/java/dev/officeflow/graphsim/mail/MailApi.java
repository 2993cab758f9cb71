package dev.officeflow.graphsim.mail;

import dev.officeflow.graphsim.account.Accounts;
import dev.officeflow.graphsim.account.GraphAccount;
import dev.officeflow.graphsim.account.MailFolder;
import dev.officeflow.graphsim.delta.DeltaQuery;
import dev.officeflow.graphsim.identity.Scopes;
import dev.officeflow.graphsim.odata.Links;
import dev.officeflow.graphsim.odata.ODataQuery;
import dev.officeflow.graphsim.odata.Paths;
import dev.officeflow.graphsim.odata.Prefer;
import dev.officeflow.graphsim.odata.Refusals;
import dev.officeflow.graphsim.odata.Select;
import dev.officeflow.graphsim.web.GraphGuard;
import dev.officeflow.simkit.web.Handler;
import dev.officeflow.simkit.web.Json;
import dev.officeflow.simkit.web.SimRequest;
import dev.officeflow.simkit.web.SimResponse;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /v1.0/me/messages[/{id}]} and {@code GET /v1.0/me/mailFolders[/{folder}[/messages[/
 * {id} | /delta]]]}, where a folder is {@code inbox}, {@code sentitems} or its id. Needs {@code
 * Mail.Read} (or {@code Mail.ReadWrite}); the simulator's mail is read-only (other methods: 405).
 */
public final class MailApi implements Handler {

  public static final String MESSAGES = Links.VERSION + "/me/messages";
  public static final String MAIL_FOLDERS = Links.VERSION + "/me/mailFolders";

  private final Accounts accounts;
  private final GraphGuard guard;
  private final MessageDelta delta;

  public MailApi(Accounts accounts, GraphGuard guard, DeltaQuery delta) {
    this.accounts = accounts;
    this.guard = guard;
    this.delta = new MessageDelta(delta);
  }

  @Override
  public SimResponse handle(SimRequest r) {
    return guard.call(r, Scopes.MAIL_READ, call -> route(r, accounts.of(call)));
  }

  private SimResponse route(SimRequest r, GraphAccount account) {
    if (!r.is("GET")) {
      throw Refusals.methodNotAllowed(r.method());
    }
    List<String> seg = Paths.underMe(r);
    if (seg.get(0).equals("messages")) {
      return switch (seg.size()) {
        case 1 -> SimResponse.ok(MessageListing.list(r, account, null));
        case 2 -> message(r, account, seg.get(1), null);
        default -> throw Refusals.badRequest("Unsupported segment in " + r.path());
      };
    }
    if (seg.size() == 1) {
      return SimResponse.ok(folders(r, account));
    }
    MailFolder folder =
        MailFolder.find(account.id(), seg.get(1)).orElseThrow(Refusals::itemNotFound);
    if (seg.size() == 2) {
      return SimResponse.ok(FolderJson.of(r, account, folder));
    }
    if (!seg.get(2).equals("messages") || seg.size() > 4) {
      throw Refusals.badRequest("Unsupported segment in " + r.path());
    }
    if (seg.size() == 3) {
      return SimResponse.ok(MessageListing.list(r, account, folder));
    }
    return Paths.isDelta(seg.get(3))
        ? delta.serve(r, account, folder)
        : message(r, account, seg.get(3), folder);
  }

  private static SimResponse message(
      SimRequest r, GraphAccount account, String id, @Nullable MailFolder folder) {
    if (!Paths.looksLikeId(id)) {
      throw Refusals.malformedId();
    }
    ODataQuery q = ODataQuery.of(r);
    Select select =
        q.option("select")
            .map(s -> Select.parse(s, MessageJson.PROPERTIES, MessageJson.TYPE))
            .orElse(Select.ALL);
    return MessageListing.one(account, id, folder)
        .map(m -> MessageJson.of(m, account.id(), Prefer.of(r).textBodies()))
        .map(select::apply)
        .map(
            o -> {
              o.put(
                  "@odata.context",
                  Links.context(
                      r,
                      account.id(),
                      "messages"
                          + (select.isAll() ? "" : "(" + select.odata() + ")")
                          + "/$entity"));
              return SimResponse.ok(o);
            })
        .orElseThrow(Refusals::itemNotFound);
  }

  private static ObjectNode folders(SimRequest r, GraphAccount account) {
    ObjectNode out = Json.object();
    out.put("@odata.context", Links.context(r, account.id(), "mailFolders"));
    var values = out.putArray("value");
    for (MailFolder f : MailFolder.values()) {
      values.add(FolderJson.of(r, account, f).without("@odata.context"));
    }
    return out;
  }
}
