package dev.officeflow.vespasim;

import dev.officeflow.vespasim.DocumentStore.Outcome;
import dev.officeflow.vespasim.schema.DocumentSchema;
import dev.officeflow.vespasim.schema.SchemaCatalog;
import dev.officeflow.vespasim.selection.Selection;
import dev.officeflow.vespasim.selection.SelectionException;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The {@code /document/v1} operations: get, put, update, remove, and visits via {@link Visits}. */
final class DocumentApi {

  private static final String CONDITION_FAILED =
      "[UNKNOWN(251013) @ vespa-sim]: ReturnCode(TEST_AND_SET_CONDITION_FAILED, %s)";

  private final SchemaCatalog schemas;
  private final ClusterSelections selections;
  private final DocumentStore store;
  private final Counters counters;
  private final Visits visits;

  DocumentApi(
      SchemaCatalog schemas, ClusterSelections selections, DocumentStore store, Counters counters) {
    this.schemas = schemas;
    this.selections = selections;
    this.store = store;
    this.counters = counters;
    this.visits = new Visits(this::schema, store, counters);
  }

  ApiResponse handle(ApiRequest request) {
    @Nullable ApiPath path = null;
    try {
      path = ApiPath.parse(request.rawPath());
      if (request.flag("dryRun")) {
        return ApiResponse.ok(idBody(path));
      }
      return path instanceof ApiPath.Single single
          ? single(request, single)
          : visits.handle(request, (ApiPath.Visit) path);
    } catch (ApiException e) {
      return failure(e.status(), e.getMessage(), path, request);
    } catch (SelectionException e) {
      return failure(400, e.getMessage(), path, request);
    }
  }

  private ApiResponse single(ApiRequest request, ApiPath.Single path) {
    DocumentId id = path.id();
    DocumentSchema schema = schema(id.doctype());
    @Nullable Selection condition =
        request.param("condition").map(c -> selection(c, schema)).orElse(null);
    boolean create = request.flag("create");
    return switch (request.method()) {
      case "GET" -> get(path);
      case "POST" -> put(request, path, schema, condition, create);
      case "PUT" -> update(request, path, schema, condition, create);
      case "DELETE" -> written(path, store.remove(id, condition), counters.removes);
      default -> throw ApiException.methodNotAllowed(request.method(), path.pathId());
    };
  }

  private ApiResponse get(ApiPath.Single path) {
    counters.gets.increment();
    ObjectNode body = idBody(path);
    return store
        .get(path.id())
        .map(stored -> ApiResponse.ok(body.set("fields", stored.fields())))
        .orElseGet(() -> new ApiResponse(404, body));
  }

  /**
   * A put the cluster's selection would not keep (services.xml) is dropped and still answered 200,
   * as Vespa does with a document that has already expired.
   */
  private ApiResponse put(
      ApiRequest request,
      ApiPath.Single path,
      DocumentSchema schema,
      @Nullable Selection condition,
      boolean create) {
    ObjectNode fields = Payloads.putFields(schema, request.body());
    if (!selections.keeps(path.id(), fields, Instant.now())) {
      counters.puts.increment();
      return ApiResponse.ok(idBody(path));
    }
    return written(path, store.put(path.id(), fields, condition, create), counters.puts);
  }

  private ApiResponse update(
      ApiRequest request,
      ApiPath.Single path,
      DocumentSchema schema,
      @Nullable Selection condition,
      boolean create) {
    Map<String, JsonNode> assignments = Payloads.assignments(schema, request.body());
    Outcome outcome =
        store.update(path.id(), fields -> assign(fields, assignments), condition, create);
    return written(path, outcome, counters.updates);
  }

  private static ObjectNode assign(ObjectNode fields, Map<String, JsonNode> assignments) {
    assignments.forEach(
        (name, value) -> {
          if (value.isNull()) {
            fields.remove(name);
          } else {
            fields.set(name, value);
          }
        });
    return fields;
  }

  private ApiResponse written(ApiPath.Single path, Outcome outcome, LongAdder counter) {
    if (outcome == Outcome.CONDITION_FAILED) {
      counters.conditionFailures.increment();
      String reason =
          store.get(path.id()).isPresent()
              ? "Condition did not match document"
              : "Document does not exist";
      ObjectNode body = idBody(path);
      body.put("message", String.format(CONDITION_FAILED, reason));
      return new ApiResponse(412, body);
    }
    counter.increment();
    return ApiResponse.ok(idBody(path));
  }

  /** Parses a condition or selection; a field the type does not have is a 400, as in Vespa. */
  static Selection selection(String text, DocumentSchema schema) {
    Selection selection = Selection.parse(text);
    for (String field : selection.fieldsOf(schema.name())) {
      if (schema.field(field).isEmpty()) {
        throw ApiException.badRequest(
            "Field '" + field + "' not found in document type '" + schema.name() + "'");
      }
    }
    return selection;
  }

  private DocumentSchema schema(String doctype) {
    return schemas
        .find(doctype)
        .orElseThrow(() -> ApiException.badRequest("Document type " + doctype + " does not exist"));
  }

  private ApiResponse failure(
      int status, String message, @Nullable ApiPath path, ApiRequest request) {
    if (status == 400) {
      counters.rejected.increment();
    }
    ObjectNode body = Json.error(path == null ? request.rawPath() : path.pathId(), message);
    if (path instanceof ApiPath.Single single) {
      body.put("id", single.id().toString());
    }
    return new ApiResponse(status, body);
  }

  private static ObjectNode idBody(ApiPath path) {
    ObjectNode body = Json.object();
    body.put("pathId", path.pathId());
    if (path instanceof ApiPath.Single single) {
      body.put("id", single.id().toString());
    }
    return body;
  }
}
