package dev.officeflow.runtime.openapi;

import io.swagger.v3.oas.models.Operation;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.web.method.HandlerMethod;

/**
 * A controller's error responses are problems ({@code ProblemAdvice} renders every error a
 * controller raises): an {@code @ApiResponse} with a 4xx or 5xx status needs only a description,
 * and gets the shared {@link ProblemSchema} in place of the method's return type, which springdoc
 * would put there. Only controllers: a functional route states its responses in full, since not
 * every one of them answers errors with a body.
 */
final class ProblemResponses implements OperationCustomizer {

  @Override
  public Operation customize(Operation operation, HandlerMethod handlerMethod) {
    if (operation.getResponses() != null) {
      operation
          .getResponses()
          .forEach(
              (status, response) -> {
                if (isError(status)) {
                  response.setContent(ProblemSchema.content());
                }
              });
    }
    return operation;
  }

  private static boolean isError(String status) {
    return status.startsWith("4") || status.startsWith("5") || status.equals("default");
  }
}
