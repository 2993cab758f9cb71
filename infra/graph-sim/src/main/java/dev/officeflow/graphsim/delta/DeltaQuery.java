package dev.officeflow.graphsim.delta;

import dev.officeflow.graphsim.odata.Links;
import dev.officeflow.graphsim.odata.ODataQuery;
import dev.officeflow.graphsim.odata.Prefer;
import dev.officeflow.simkit.web.Json;
import dev.officeflow.simkit.web.SimRequest;
import dev.officeflow.simkit.web.SimResponse;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Serves one delta request of any resource: starts a round (no token), continues it ({@code
 * $skiptoken}) or starts the next one ({@code $deltatoken}); pages by {@code Prefer:
 * odata.maxpagesize} (else {@code $top}, else 10, Graph's page for Outlook delta); answers
 * {@code @odata.nextLink} until the round is done, then {@code @odata.deltaLink}. The first round
 * lists live items only; later rounds add {@code @removed} entries. Entries go in change order
 * (version, then id), so a change made while a round is paged moves that item to the next round
 * instead of shifting pages.
 */
public final class DeltaQuery {

  public static final int DEFAULT_PAGE = 10;
  public static final int MAX_PAGE = 1000;

  private final DeltaTokens tokens;

  public DeltaQuery(DeltaTokens tokens) {
    this.tokens = tokens;
  }

  /** What one request names: whose delta, of which resource, and how to write its entries. */
  public record Target(
      String accountId, String resource, String odataType, String context, DeltaParams initial) {}

  public SimResponse serve(SimRequest r, Target target, DeltaSource source) {
    ODataQuery q = ODataQuery.of(r);
    Round round = round(q, target, source);
    DeltaState state = round.state();
    Prefer prefer = Prefer.of(r);
    // The preference wins; a $top on the request is read as the page size too.
    int pageSize =
        Math.min(prefer.maxPageSize().orElseGet(() -> q.top(DEFAULT_PAGE, MAX_PAGE)), MAX_PAGE);
    SimResponse response =
        SimResponse.ok(page(r, target, state, round.entries().entries(), pageSize));
    return prefer.maxPageSize().isPresent()
        ? response.withHeader("Preference-Applied", "odata.maxpagesize=" + pageSize)
        : response;
  }

  /** Where this request stands in its round, and the entries it pages through. */
  private record Round(DeltaState state, DeltaSource.Entries entries) {}

  /** Starts a round (no token), continues one ($skiptoken) or starts the next ($deltatoken). */
  private Round round(ODataQuery q, Target target, DeltaSource source) {
    Optional<String> delta = q.option("deltatoken");
    Optional<String> skip = q.option("skiptoken");
    if (delta.isPresent()) {
      DeltaState done =
          tokens.decode(delta.get(), "$deltatoken", target.accountId(), target.resource());
      DeltaSource.Entries entries = source.entries(done.params());
      return new Round(done.nextRound(entries.sequence()), entries);
    }
    if (skip.isPresent()) {
      DeltaState state =
          tokens.decode(skip.get(), "$skiptoken", target.accountId(), target.resource());
      return new Round(state, source.entries(state.params()));
    }
    DeltaSource.Entries entries = source.entries(target.initial());
    DeltaState first =
        new DeltaState(
            target.accountId(),
            target.resource(),
            0,
            entries.sequence(),
            0,
            "",
            tokens.now(),
            tokens.epoch(target.accountId()),
            target.initial());
    return new Round(first, entries);
  }

  private ObjectNode page(
      SimRequest r, Target target, DeltaState state, List<DeltaEntry> all, int pageSize) {
    List<DeltaEntry> due =
        all.stream()
            .filter(e -> e.version() > state.from() && e.version() <= state.to())
            .filter(e -> state.from() > 0 || !e.isRemoval())
            .filter(e -> after(e, state))
            .sorted(Comparator.comparingLong(DeltaEntry::version).thenComparing(DeltaEntry::id))
            .toList();
    List<DeltaEntry> page = due.subList(0, Math.min(pageSize, due.size()));
    ObjectNode out = Json.object();
    out.put("@odata.context", target.context());
    ArrayNode values = out.putArray("value");
    page.forEach(e -> values.add(render(e, target.odataType())));
    if (due.size() > page.size()) {
      DeltaEntry last = page.get(page.size() - 1);
      String token = tokens.encode(state.after(last.version(), last.id(), tokens.now()));
      out.put("@odata.nextLink", Links.link(r, r.path(), Map.of("$skiptoken", token)));
    } else {
      String token = tokens.encode(state.finished(tokens.now()));
      out.put("@odata.deltaLink", Links.link(r, r.path(), Map.of("$deltatoken", token)));
    }
    return out;
  }

  private static boolean after(DeltaEntry e, DeltaState state) {
    if (e.version() != state.cursorVersion()) {
      return e.version() > state.cursorVersion();
    }
    return e.id().compareTo(state.cursorId()) > 0;
  }

  private static ObjectNode render(DeltaEntry e, String odataType) {
    if (!e.isRemoval()) {
      return e.json().get();
    }
    ObjectNode removed = Json.object();
    removed.put("@odata.type", odataType).put("id", e.id());
    removed.putObject("@removed").put("reason", e.removedReason());
    return removed;
  }
}
