package dev.officeflow.graphsim.account;

import dev.officeflow.graphsim.delta.DeltaTokens;
import dev.officeflow.simkit.web.BadRequestException;
import dev.officeflow.simkit.web.Handler;
import dev.officeflow.simkit.web.Json;
import dev.officeflow.simkit.web.SimRequest;
import dev.officeflow.simkit.web.SimResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The content routes of the admin API, below {@code /admin/accounts/{email}/}: {@code messages},
 * {@code events} and {@code contacts} (GET lists the live items, POST adds, PATCH {@code /{id}}
 * changes, DELETE {@code /{id}} deletes; {@code POST events/{id}/cancel}), {@code POST
 * delta-tokens/expire} (every delta token of the account, or the one named by {@code token} or
 * {@code deltaLink}) and {@code POST delta-tokens/resync}, and {@code GET closest-contacts?n=} (the
 * generator's ground truth). Answers {@code {"error"}} 404 for an unknown account, item or route,
 * 400 for a bad body. Every change goes through {@link GraphAccount}, so it is versioned for delta
 * and announced to subscriptions.
 */
public final class ContentAdmin implements Handler {

  private static final String PREFIX = "/admin/accounts/";

  private final Accounts accounts;
  private final DeltaTokens deltaTokens;

  public ContentAdmin(Accounts accounts, DeltaTokens deltaTokens) {
    this.accounts = accounts;
    this.deltaTokens = deltaTokens;
  }

  @Override
  public SimResponse handle(SimRequest r) {
    try {
      return route(r);
    } catch (IllegalArgumentException | DateTimeException | BadRequestException e) {
      return error(400, e.getMessage());
    }
  }

  private SimResponse route(SimRequest r) {
    if (!r.path().startsWith(PREFIX)) {
      return error(404, "no admin route " + r.method() + " " + r.path());
    }
    List<String> seg =
        Arrays.stream(r.path().substring(PREFIX.length()).split("/"))
            .filter(s -> !s.isEmpty())
            .map(s -> URLDecoder.decode(s, StandardCharsets.UTF_8))
            .toList();
    Optional<GraphAccount> found = seg.isEmpty() ? Optional.empty() : accounts.byEmail(seg.get(0));
    if (found.isEmpty() || seg.size() < 2) {
      return error(404, "no account or admin route " + r.path());
    }
    String id = seg.size() > 2 ? seg.get(2) : "";
    return content(found.get(), key(r.method(), seg), id, r);
  }

  /** {@code VERB what[/{id}[/action]]}, e.g. {@code POST events/{id}/cancel}. */
  private static String key(String method, List<String> seg) {
    return method.toUpperCase(Locale.ROOT)
        + " "
        + seg.get(1)
        + (seg.size() > 2 ? "/{id}" : "")
        + (seg.size() > 3 ? "/" + seg.get(3) : "");
  }

  private SimResponse content(GraphAccount a, String key, String id, SimRequest r) {
    return switch (key) {
      case "GET messages" -> SimResponse.ok(ContentLists.messages(a, r.query().first("folder")));
      case "POST messages" -> created(a.addMessage(ContentJson.message(r.json())).id());
      case "PATCH messages/{id}", "POST messages/{id}" ->
          changed(a.updateMessage(id, ContentJson.messageUpdate(r.json())), id);
      case "DELETE messages/{id}" -> changed(a.deleteMessage(id), id);
      case "GET events" -> SimResponse.ok(ContentLists.events(a));
      case "POST events" -> created(a.addEvent(ContentJson.event(r.json(), a.zone())).id());
      case "PATCH events/{id}", "POST events/{id}" ->
          changed(a.updateEvent(id, ContentJson.eventUpdate(r.json(), a.zone())), id);
      case "POST events/{id}/cancel" -> changed(a.updateEvent(id, EventUpdate.cancel()), id);
      case "DELETE events/{id}" -> changed(a.deleteEvent(id), id);
      case "GET contacts" -> SimResponse.ok(ContentLists.contacts(a));
      case "POST contacts" -> created(a.addContact(ContentJson.contact(r.json())).id());
      case "PATCH contacts/{id}", "POST contacts/{id}" ->
          changed(a.updateContact(id, ContentJson.contactUpdate(r.json())), id);
      case "DELETE contacts/{id}" -> changed(a.deleteContact(id), id);
      case "POST delta-tokens/{id}" -> deltaTokens(a, id, r.json());
      case "GET closest-contacts" ->
          SimResponse.ok(ContentLists.closest(a, r.query().integer("n").orElse(20)));
      default -> error(404, "no admin route " + r.method() + " " + r.path());
    };
  }

  private SimResponse deltaTokens(GraphAccount a, String action, JsonNode body) {
    switch (action) {
      case "expire" -> {
        Optional<String> one = token(body);
        one.ifPresentOrElse(deltaTokens::expire, () -> deltaTokens.expireAll(a.id()));
        return SimResponse.ok(Json.object().put("expired", one.isPresent() ? "one" : "all"));
      }
      case "resync" -> {
        deltaTokens.requireResync(a.id());
        return SimResponse.ok(Json.object().put("resyncRequired", true));
      }
      default -> {
        return error(404, "no delta-token action " + action);
      }
    }
  }

  /** The token named by {@code token}, or the {@code $deltatoken}/{@code $skiptoken} of a link. */
  private static Optional<String> token(JsonNode body) {
    if (body.hasNonNull("token")) {
      return Optional.of(body.get("token").asString());
    }
    String link = Json.text(body, "deltaLink", Json.text(body, "nextLink", ""));
    int q = link.indexOf('?');
    if (q < 0) {
      return Optional.empty();
    }
    var params = dev.officeflow.simkit.web.Params.parse(link.substring(q + 1));
    return params.first("$deltatoken").or(() -> params.first("$skiptoken"));
  }

  private static SimResponse created(String id) {
    return SimResponse.json(201, Json.object().put("id", id));
  }

  private static SimResponse changed(Optional<?> item, String id) {
    return item.isPresent()
        ? SimResponse.ok(Json.object().put("id", id))
        : error(404, "no live item " + id);
  }

  static SimResponse error(int status, String message) {
    return SimResponse.json(status, Json.object().put("error", message));
  }
}
