package dev.officeflow.runtime.consume.web;

import dev.officeflow.runtime.config.RuntimeAutoConfiguration;
import dev.officeflow.runtime.consume.ConsumerRuntime;
import dev.officeflow.runtime.openapi.ProblemSchema;
import dev.officeflow.runtime.security.InternalAccess;
import dev.officeflow.runtime.security.SecurityAutoConfiguration;
import dev.officeflow.runtime.security.ServiceCredentialWebFilter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springdoc.core.annotations.RouterOperation;
import org.springdoc.core.annotations.RouterOperations;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * {@code /internal/consumers} in every reactive web service that has a {@link ConsumerRuntime}.
 *
 * <p>Pausing a service's consumers is an operator's action, so the routes exist only where the
 * {@link ServiceCredentialWebFilter} guards {@code /internal/**}: without the filter they are not
 * registered at all rather than served to anyone who asks.
 *
 * <p>The routes are documented here, once, for every service's OpenAPI document (springdoc reads
 * the annotations where the service has it; without springdoc they are ignored).
 */
@AutoConfiguration(after = {RuntimeAutoConfiguration.class, SecurityAutoConfiguration.class})
@ConditionalOnClass(RouterFunction.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnBean({ConsumerRuntime.class, ServiceCredentialWebFilter.class})
public class ConsumerControlAutoConfiguration {

  private static final String TAG = "consumers";

  /** Pausing and resuming a service's consumers is an operator's action. */
  @Bean
  InternalAccess consumerControlAccess() {
    return InternalAccess.of(ConsumerControl.PATH + "/**", InternalAccess.OPERATOR);
  }

  @Bean
  @RouterOperations({
    @RouterOperation(
        path = ConsumerControl.PATH,
        method = RequestMethod.GET,
        operation =
            @Operation(
                operationId = "consumers",
                tags = TAG,
                summary = "The consumer runtime's state and each subscription's",
                parameters =
                    @Parameter(
                        name = "subscription",
                        in = ParameterIn.QUERY,
                        description = "Only this subscription (its full name, with any prefix)."),
                responses = {
                  @ApiResponse(
                      responseCode = "200",
                      description = "The state.",
                      content =
                          @Content(
                              mediaType = "application/json",
                              schema = @Schema(implementation = ConsumersView.class))),
                  @ApiResponse(
                      responseCode = "400",
                      description = "No such subscription here: `invalid_request`, naming them.",
                      content =
                          @Content(
                              mediaType = ProblemSchema.MEDIA_TYPE,
                              schema = @Schema(ref = ProblemSchema.REF)))
                })),
    @RouterOperation(
        path = ConsumerControl.PATH + "/pause",
        method = RequestMethod.POST,
        operation =
            @Operation(
                operationId = "pauseConsumers",
                tags = TAG,
                summary = "Stops pulling; answers once in-flight messages are settled",
                responses = {
                  @ApiResponse(
                      responseCode = "200",
                      description = "The state after pausing.",
                      content =
                          @Content(
                              mediaType = "application/json",
                              schema = @Schema(implementation = ConsumersView.class))),
                  @ApiResponse(
                      responseCode = "503",
                      description = "The runtime could not change state: `unavailable`.",
                      content =
                          @Content(
                              mediaType = ProblemSchema.MEDIA_TYPE,
                              schema = @Schema(ref = ProblemSchema.REF)))
                })),
    @RouterOperation(
        path = ConsumerControl.PATH + "/resume",
        method = RequestMethod.POST,
        operation =
            @Operation(
                operationId = "resumeConsumers",
                tags = TAG,
                summary = "Pulls again; answers once the streams are open",
                responses = {
                  @ApiResponse(
                      responseCode = "200",
                      description = "The state after resuming.",
                      content =
                          @Content(
                              mediaType = "application/json",
                              schema = @Schema(implementation = ConsumersView.class))),
                  @ApiResponse(
                      responseCode = "503",
                      description = "The runtime could not change state: `unavailable`.",
                      content =
                          @Content(
                              mediaType = ProblemSchema.MEDIA_TYPE,
                              schema = @Schema(ref = ProblemSchema.REF)))
                }))
  })
  RouterFunction<ServerResponse> consumerControlRoutes(ConsumerRuntime runtime) {
    return new ConsumerControl(runtime).routes();
  }
}
