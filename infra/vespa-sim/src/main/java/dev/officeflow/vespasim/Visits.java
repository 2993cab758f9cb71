package dev.officeflow.vespasim;

import dev.officeflow.vespasim.DocumentStore.Stored;
import dev.officeflow.vespasim.schema.DocumentSchema;
import dev.officeflow.vespasim.selection.Selection;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Visiting (GET) and delete-where (DELETE with {@code selection}) over the root, a document type,
 * or a group. Documents come in id order; a response holds at most {@code wantedDocumentCount}
 * (default and cap {@value #MAX_DOCUMENTS}) and a {@code continuation} while more remain.
 */
final class Visits {

  static final int MAX_DOCUMENTS = 1024;
  private static final String TOKEN_PREFIX = "sim:";

  private final Function<String, DocumentSchema> requireSchema;
  private final DocumentStore store;
  private final Counters counters;

  /**
   * @param requireSchema the schema of a document type, throwing 400 when there is none
   */
  Visits(Function<String, DocumentSchema> requireSchema, DocumentStore store, Counters counters) {
    this.requireSchema = requireSchema;
    this.store = store;
    this.counters = counters;
  }

  ApiResponse handle(ApiRequest request, ApiPath.Visit path) {
    @Nullable DocumentSchema schema =
        path.doctype() == null ? null : requireSchema.apply(path.doctype());
    Selection selection =
        request
            .param("selection")
            .map(
                text ->
                    schema == null ? Selection.parse(text) : DocumentApi.selection(text, schema))
            .orElse(null);
    return switch (request.method()) {
      case "GET" -> visit(request, path, selection);
      case "DELETE" -> deleteWhere(path, selection);
      case "POST", "PUT" ->
          throw ApiException.badRequest("vespa-sim does not implement copy or update-where visits");
      default -> throw ApiException.methodNotAllowed(request.method(), path.pathId());
    };
  }

  private ApiResponse visit(ApiRequest request, ApiPath.Visit path, @Nullable Selection selection) {
    String after = request.param("continuation").map(Visits::decode).orElse(null);
    int wanted = wantedDocumentCount(request);
    List<Stored> page =
        inScope(path, selection).stream()
            .filter(stored -> after == null || stored.id().toString().compareTo(after) > 0)
            .limit(wanted + 1L)
            .toList();
    ObjectNode body = Json.object();
    body.put("pathId", path.pathId());
    ArrayNode documents = body.putArray("documents");
    page.stream().limit(wanted).forEach(stored -> documents.add(document(stored)));
    body.put("documentCount", documents.size());
    if (page.size() > wanted) {
      body.put("continuation", encode(page.get(wanted - 1).id().toString()));
    }
    counters.visits.increment();
    return ApiResponse.ok(body);
  }

  private ApiResponse deleteWhere(ApiPath.Visit path, @Nullable Selection selection) {
    if (selection == null) {
      throw ApiException.badRequest("Missing required parameter 'selection'");
    }
    int removed = store.removeAll(inScope(path, selection));
    ObjectNode body = Json.object();
    body.put("pathId", path.pathId());
    body.put("documentCount", removed);
    counters.visits.increment();
    return ApiResponse.ok(body);
  }

  private List<Stored> inScope(ApiPath.Visit path, @Nullable Selection selection) {
    Predicate<Stored> filter =
        selection == null ? stored -> true : stored -> selection.matches(stored.subject());
    return store.scan(path.namespace(), path.doctype(), path.location(), filter);
  }

  private static ObjectNode document(Stored stored) {
    ObjectNode document = Json.object();
    document.put("id", stored.id().toString());
    document.set("fields", stored.fields());
    return document;
  }

  private static int wantedDocumentCount(ApiRequest request) {
    try {
      int wanted =
          request.param("wantedDocumentCount").map(Integer::parseInt).orElse(MAX_DOCUMENTS);
      return Math.max(1, Math.min(wanted, MAX_DOCUMENTS));
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("wantedDocumentCount must be an integer");
    }
  }

  private static String encode(String lastId) {
    byte[] bytes = (TOKEN_PREFIX + lastId).getBytes(StandardCharsets.UTF_8);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static String decode(String token) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      if (text.startsWith(TOKEN_PREFIX)) {
        return text.substring(TOKEN_PREFIX.length());
      }
    } catch (IllegalArgumentException e) {
      // fall through to the error below
    }
    throw ApiException.badRequest("Invalid continuation token '" + token + "'");
  }
}
