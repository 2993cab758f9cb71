package dev.officeflow.graphsim.odata;

import dev.officeflow.simkit.web.Params;
import dev.officeflow.simkit.web.SimRequest;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads OData system query options from a request. Names arrive decoded ({@code %24select} is
 * {@code $select}, as the Kiota-based SDK sends it); the {@code $} prefix is optional, as Graph
 * allows.
 */
public final class ODataQuery {

  private final Params params;

  private ODataQuery(Params params) {
    this.params = params;
  }

  public static ODataQuery of(SimRequest request) {
    return new ODataQuery(request.query());
  }

  /** The option {@code $name} (or {@code name}); a blank value counts as absent. */
  public Optional<String> option(String name) {
    return params
        .first("$" + name)
        .or(() -> params.first(name))
        .map(String::trim)
        .filter(s -> !s.isEmpty());
  }

  /** A plain (non-$) parameter such as {@code startDateTime}. */
  public Optional<String> param(String name) {
    return params.first(name).map(String::trim).filter(s -> !s.isEmpty());
  }

  /**
   * {@code $top}: at most {@code max} (larger values are served as {@code max}, as Graph does for
   * Outlook collections), default {@code fallback}; zero, negative or non-numeric is 400.
   */
  public int top(int fallback, int max) {
    Optional<String> raw = option("top");
    if (raw.isEmpty()) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(raw.get());
      if (n < 1) {
        throw Refusals.badRequest("Invalid value '" + raw.get() + "' for $top.");
      }
      return Math.min(n, max);
    } catch (NumberFormatException e) {
      throw Refusals.badRequest("Invalid value '" + raw.get() + "' for $top.");
    }
  }

  /** {@code $skip}: a non-negative offset, 0 when absent. */
  public int skip() {
    Optional<String> raw = option("skip");
    try {
      int n = raw.map(Integer::parseInt).orElse(0);
      if (n < 0) {
        throw Refusals.badRequest("Invalid value '" + raw.get() + "' for $skip.");
      }
      return n;
    } catch (NumberFormatException e) {
      throw Refusals.badRequest("Invalid value '" + raw.get() + "' for $skip.");
    }
  }

  public ReceivedFilter receivedFilter() {
    return option("filter").map(ReceivedFilter::parse).orElse(ReceivedFilter.NONE);
  }

  /**
   * {@code $orderby}: only {@code receivedDateTime} (asc or desc) is served; the default is newest
   * first, Graph's order for messages.
   *
   * @return true for newest first
   */
  public boolean newestFirst() {
    Optional<String> raw = option("orderby");
    if (raw.isEmpty()) {
      return true;
    }
    String[] parts = raw.get().trim().split("\\s+");
    if (!parts[0].equalsIgnoreCase("receivedDateTime") || parts.length > 2) {
      throw Refusals.badRequest(
          "The $orderby option '" + raw.get() + "' is not supported by the simulator.");
    }
    if (parts.length == 1 || parts[1].equalsIgnoreCase("asc")) {
      return false;
    }
    if (parts[1].equalsIgnoreCase("desc")) {
      return true;
    }
    throw Refusals.badRequest("Invalid $orderby direction: " + parts[1]);
  }

  /** Refuses options the simulator does not serve, so a client never gets silently wrong data. */
  public void refuse(String... names) {
    for (String name : names) {
      if (option(name).isPresent()) {
        throw Refusals.badRequest(
            "The query option '$" + name + "' is not supported on this resource.");
      }
    }
  }

  public OptionalInt intParam(String name) {
    Optional<String> raw = param(name);
    if (raw.isEmpty()) {
      return OptionalInt.empty();
    }
    try {
      return OptionalInt.of(Integer.parseInt(raw.get()));
    } catch (NumberFormatException e) {
      throw Refusals.badRequest("Invalid value '" + raw.get() + "' for " + name + ".");
    }
  }
}
