package dev.officeflow.notifier.stream.web;

import dev.officeflow.runtime.openapi.ProblemSchema;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * {@code GET /v1/stream} in the OpenAPI document: springdoc sees controllers and router functions
 * only, and the route is served beneath both ({@link StreamRoute}). Its tag is the ticket
 * controller's.
 */
public final class StreamRouteDocument implements OpenApiCustomizer {

  private static final String TAG = "stream";

  @Override
  public void customise(OpenAPI api) {
    api.path(StreamRoute.PATH, new PathItem().get(operation()));
  }

  private static Operation operation() {
    return new Operation()
        .addTagsItem(TAG)
        .operationId("stream")
        .summary("The caller's live updates as Server-Sent Events")
        .description(
            "Authenticated by a ticket from `POST /v1/stream-tickets`, valid for reconnects until it"
                + " expires. Event types: `progress`, `item`, `items`, `vip_candidates`,"
                + " `integration`, and `resync` when events after `Last-Event-ID` are no longer"
                + " buffered. Comments every 20 s keep proxies open.")
        // Public to the bearer schemes: the ticket is the credential (an empty list says so).
        .security(List.of())
        .parameters(
            List.of(
                new Parameter()
                    .in("query")
                    .name("ticket")
                    .description("The stream ticket.")
                    .schema(new StringSchema()),
                new Parameter()
                    .in("header")
                    .name("Last-Event-ID")
                    .description("EventSource's own reconnect sends this header.")
                    .schema(new StringSchema()),
                new Parameter()
                    .in("query")
                    .name("last_event_id")
                    .description("The last id seen, for a new EventSource (it sends no header).")
                    .schema(new StringSchema())))
        .responses(
            new ApiResponses()
                .addApiResponse(
                    "200",
                    new ApiResponse()
                        .description("The stream.")
                        .content(
                            new Content()
                                .addMediaType(
                                    "text/event-stream",
                                    new MediaType().schema(new StringSchema()))))
                .addApiResponse(
                    "400",
                    problem("`Last-Event-ID` is not an id of this stream: `invalid_request`."))
                .addApiResponse(
                    "401", problem("No ticket, or an unknown or expired one: `unauthorized`."))
                .addApiResponse("403", problem("A page of an origin not allowed: `forbidden`."))
                .addApiResponse(
                    "429", problem("The caller holds too many streams: `too_many_streams`.")));
  }

  private static ApiResponse problem(String description) {
    return new ApiResponse().description(description).content(ProblemSchema.content());
  }
}
