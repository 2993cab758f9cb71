package dev.officeflow.vespasim;

import dev.officeflow.vespasim.schema.SchemaCatalog;
import dev.officeflow.vespasim.schema.SearchSchema;
import dev.officeflow.vespasim.search.Condition;
import dev.officeflow.vespasim.search.DocumentMatcher;
import dev.officeflow.vespasim.search.RankExpression;
import dev.officeflow.vespasim.search.SearchException;
import dev.officeflow.vespasim.search.Snippets;
import dev.officeflow.vespasim.search.Yql;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Vespa's query API, {@code GET /search/} (or {@code POST} with the parameters as JSON), over the
 * stored documents: {@code yql} (see {@link Yql}), {@code query}, {@code hits} (default 10, at most
 * 400), {@code offset} (at most 1000), {@code ranking} or {@code ranking.profile} (a rank profile
 * of every searched schema; {@code default} ranks by bm25 over every text field when the schema has
 * none), {@code streaming.groupname} (only that group is searched; without it every group, as Vespa
 * visits everything), {@code model.defaultIndex} and {@code model.type} for {@code userQuery()}.
 * Answers Vespa's result JSON or its error JSON. Thread-safe.
 */
final class SearchApi {

  static final String PREFIX = "/search/";

  private final SchemaCatalog schemas;
  private final ClusterSelections cluster;
  private final DocumentStore store;
  private final Clock clock;
  private final Map<String, Map<String, RankExpression>> profiles = new HashMap<>();

  /** Compiles every rank profile now: one the sim cannot evaluate stops it at start. */
  SearchApi(SchemaCatalog schemas, ClusterSelections cluster, DocumentStore store, Clock clock) {
    this.schemas = schemas;
    this.cluster = cluster;
    this.store = store;
    this.clock = clock;
    for (String doctype : schemas.doctypes()) {
      schemas.searching(doctype).ifPresent(schema -> profiles.put(doctype, compile(schema)));
    }
  }

  ApiResponse handle(ApiRequest request) {
    try {
      if (!request.method().equals("GET") && !request.method().equals("POST")) {
        throw SearchException.illegalQuery("'" + request.method() + "' not allowed at /search/");
      }
      return ApiResponse.ok(search(SearchParameters.of(request)));
    } catch (SearchException e) {
      return new ApiResponse(e.status(), error(e));
    }
  }

  private ObjectNode search(SearchParameters params) {
    Yql yql = Yql.parse(params.yql());
    List<String> sources = sources(yql.sources());
    String profile = params.ranking();
    Map<String, RankExpression> expressions = expressions(sources, profile);
    double now = clock.millis() / 1000.0;
    Condition where = params.resolve(yql.where(), index -> hasIndex(sources, index));
    String location = params.group() == null ? null : "g=" + params.group();
    List<Hit> hits = new ArrayList<>();
    int scanned = 0;
    for (String doctype : sources) {
      SearchSchema schema = schemas.searching(doctype).orElseThrow();
      for (DocumentStore.Stored stored : store.scan(null, doctype, location, s -> true)) {
        scanned++;
        DocumentMatcher matcher = new DocumentMatcher(schema, stored.fields(), where, now);
        if (matcher.matches(where)) {
          double relevance = expressions.get(doctype).evaluate(matcher);
          hits.add(new Hit(stored, schema, matcher, relevance));
        }
      }
    }
    hits.sort(
        Comparator.comparingDouble(Hit::relevance)
            .reversed()
            .thenComparing(hit -> hit.stored().id().toString()));
    return result(hits, params, scanned);
  }

  private List<String> sources(List<String> named) {
    List<String> all =
        schemas.doctypes().stream()
            .filter(t -> cluster.searchable(t) && schemas.searching(t).isPresent())
            .toList();
    if (named.isEmpty()) {
      return all;
    }
    for (String source : named) {
      if (!all.contains(source)) {
        throw SearchException.invalidParameter("Could not resolve source ref '" + source + "'.");
      }
    }
    return List.copyOf(named);
  }

  private Map<String, RankExpression> expressions(List<String> sources, String profile) {
    Map<String, RankExpression> expressions = new HashMap<>();
    for (String doctype : sources) {
      RankExpression expression = profiles.get(doctype).get(profile);
      if (expression == null) {
        throw SearchException.invalidParameter(
            "schema '" + doctype + "' does not contain requested rank profile '" + profile + "'");
      }
      expressions.put(doctype, expression);
    }
    return expressions;
  }

  private boolean hasIndex(List<String> sources, String index) {
    return sources.stream()
        .anyMatch(t -> schemas.searching(t).map(s -> s.hasIndex(index)).orElse(false));
  }

  private ObjectNode result(List<Hit> hits, SearchParameters params, int scanned) {
    ObjectNode root = Json.object();
    root.put("id", "toplevel");
    root.put("relevance", 1.0);
    root.putObject("fields").put("totalCount", hits.size());
    ObjectNode coverage = root.putObject("coverage");
    coverage.put("coverage", 100);
    coverage.put("documents", scanned);
    coverage.put("full", true);
    coverage.put("nodes", 1);
    coverage.put("results", 1);
    coverage.put("resultsFull", 1);
    int from = Math.min(params.offset(), hits.size());
    int to = Math.min(from + params.hits(), hits.size());
    if (to > from) {
      ArrayNode children = root.putArray("children");
      hits.subList(from, to).forEach(hit -> children.add(render(hit)));
    }
    ObjectNode body = Json.object();
    body.set("root", root);
    return body;
  }

  private ObjectNode render(Hit hit) {
    ObjectNode child = Json.object();
    String id = hit.stored().id().toString();
    child.put("id", id);
    child.put("relevance", hit.relevance());
    child.put("source", cluster.cluster());
    ObjectNode fields = child.putObject("fields");
    fields.put("sddocname", hit.stored().id().doctype());
    fields.put("documentid", id);
    for (Map.Entry<String, JsonNode> field : hit.stored().fields().properties()) {
      String name = field.getKey();
      JsonNode value = field.getValue();
      SearchSchema schema = hit.schema();
      if (value.isString() && schema.dynamic().contains(name)) {
        fields.put(name, Snippets.dynamic(value.asString(), hit.matcher().wordsFor(name)));
      } else if (value.isString() && schema.bolding().contains(name)) {
        fields.put(name, Snippets.bold(value.asString(), hit.matcher().wordsFor(name)));
      } else {
        fields.set(name, value);
      }
    }
    return child;
  }

  private static ObjectNode error(SearchException e) {
    ObjectNode root = Json.object();
    root.put("id", "toplevel");
    root.put("relevance", 1.0);
    root.putObject("fields").put("totalCount", 0);
    ObjectNode error = root.putArray("errors").addObject();
    error.put("code", e.code());
    error.put("summary", e.summary());
    error.put("message", e.getMessage());
    ObjectNode body = Json.object();
    body.set("root", root);
    return body;
  }

  private static Map<String, RankExpression> compile(SearchSchema schema) {
    Map<String, RankExpression> compiled = new HashMap<>();
    for (String name : schema.rankProfiles().keySet()) {
      SearchSchema.Resolved profile = schema.resolve(name).orElseThrow();
      String firstPhase = profile.firstPhase() == null ? "0" : profile.firstPhase();
      try {
        compiled.put(name, RankExpression.compile(firstPhase, profile.functions()));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "schema '" + schema.name() + "', rank-profile '" + name + "': " + e.getMessage(), e);
      }
    }
    compiled.putIfAbsent("default", RankExpression.compile(implicitDefault(schema), Map.of()));
    return compiled;
  }

  /** Vespa's implicit {@code default} profile ranks with nativeRank; the sim sums bm25 instead. */
  private static String implicitDefault(SearchSchema schema) {
    List<String> terms =
        schema.indexFields().stream().sorted().map(f -> "bm25(" + f + ")").toList();
    return terms.isEmpty() ? "0" : String.join(" + ", terms);
  }

  /** A matching document with what rendering it needs. */
  private record Hit(
      DocumentStore.Stored stored,
      SearchSchema schema,
      DocumentMatcher matcher,
      double relevance) {}
}
