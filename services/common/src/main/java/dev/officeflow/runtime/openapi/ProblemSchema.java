package dev.officeflow.runtime.openapi;

import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import java.util.List;

/**
 * The one {@code Problem} schema of every service: an RFC 9457 problem as services-common renders
 * it ({@code dev.officeflow.runtime.web.Problems}), with the stable {@code code} clients branch on.
 */
public final class ProblemSchema {

  /** The schema's name under {@code components/schemas}. */
  public static final String NAME = "Problem";

  /** Where operations point at it. */
  public static final String REF = "#/components/schemas/" + NAME;

  public static final String MEDIA_TYPE =
      org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

  private ProblemSchema() {}

  @SuppressWarnings("rawtypes") // swagger's schema builders are raw where they take sub-schemas
  static Schema<Object> schema() {
    Schema<Object> problem = new ObjectSchema();
    problem
        .description(
            "An RFC 9457 problem. Clients branch on `code`, which is stable; `detail` is a"
                + " sentence for people; extra members carry what a client needs (`offending`,"
                + " `job_id`, `missing_scopes`).")
        .addProperty(
            "type",
            new StringSchema()
                .format("uri")
                .description("`urn:officeflow:problem:<code>`")
                .example("urn:officeflow:problem:not_found"))
        .addProperty("title", new StringSchema().description("the status's reason phrase"))
        .addProperty("status", new IntegerSchema().description("the HTTP status"))
        .addProperty("detail", new StringSchema().description("what went wrong, for people"))
        .addProperty("instance", new StringSchema().format("uri").description("the request's path"))
        .addProperty(
            "code",
            new StringSchema()
                .description("the stable error code (docs/SERVICES.md \"Errors\")")
                .example("not_found"));
    problem.setRequired(List.of("type", "title", "status", "code"));
    problem.setAdditionalProperties(Boolean.TRUE);
    return problem;
  }

  /** {@code application/problem+json} with the shared schema. */
  public static Content content() {
    return new Content()
        .addMediaType(MEDIA_TYPE, new MediaType().schema(new Schema<Object>().$ref(REF)));
  }
}
