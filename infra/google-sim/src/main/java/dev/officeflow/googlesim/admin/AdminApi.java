package dev.officeflow.googlesim.admin;

import dev.officeflow.googlesim.GoogleSimException;
import dev.officeflow.simkit.web.Handler;
import dev.officeflow.simkit.web.Json;
import dev.officeflow.simkit.web.SimRequest;
import dev.officeflow.simkit.web.SimResponse;
import java.time.Clock;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/** The admin API over HTTP under {@code /sim}; see the module README for every route. */
public final class AdminApi implements Handler {

  public static final String PREFIX = "/sim";

  private final SimAdmin admin;
  private final Clock clock;

  public AdminApi(SimAdmin admin, Clock clock) {
    this.admin = admin;
    this.clock = clock;
  }

  @Override
  public SimResponse handle(SimRequest r) {
    try {
      return route(r);
    } catch (GoogleSimException e) {
      return error(404, e.getMessage());
    } catch (IllegalArgumentException | DateTimeParseException e) {
      return error(400, e.getMessage());
    }
  }

  private SimResponse route(SimRequest r) {
    List<String> seg =
        Arrays.asList(r.path().substring(PREFIX.length()).replaceFirst("^/", "").split("/"));
    String verb = r.method().toUpperCase(Locale.ROOT);
    String head = seg.get(0);
    if (head.equals("accounts")) {
      return new AdminAccountRoutes(admin, clock).route(verb, seg.subList(1, seg.size()), r);
    }
    JsonNode body = r.json();
    return switch (verb + " " + head) {
      case "GET health" -> SimResponse.ok(Json.object().put("status", "ok"));
      case "GET stats" -> SimResponse.ok(AdminJson.tree(admin.stats()));
      case "POST reset" -> done(() -> admin.reset());
      case "GET quota" -> SimResponse.ok(quota());
      case "POST quota", "PUT quota" -> {
        admin.setQuota(AdminJson.quota(admin.quota(), body));
        yield SimResponse.ok(quota());
      }
      case "POST faults", "PUT faults" -> faults(body);
      default -> error(404, "no admin route " + verb + " " + r.path());
    };
  }

  private JsonNode quota() {
    return AdminJson.quota(admin.quota());
  }

  private SimResponse faults(JsonNode body) {
    admin.setFaults(AdminJson.faults(dev.officeflow.googlesim.faults.FaultSettings.none(), body));
    JsonNode next = body.path("failNext");
    if (next.isObject()) {
      int count = next.path("count").asInt(1);
      int status = next.path("status").asInt(503);
      String method = next.path("method").asString("");
      if (method.isEmpty()) {
        admin.failNext(count, status);
      } else {
        admin.failNext(method, count, status);
      }
    }
    return SimResponse.ok(Json.object().put("status", "ok"));
  }

  static SimResponse done(Runnable action) {
    action.run();
    return SimResponse.ok(Json.object().put("status", "ok"));
  }

  static SimResponse error(int status, String message) {
    return SimResponse.json(status, Json.object().put("error", message));
  }
}
