package dev.officeflow.graphsim.faults;

/**
 * The code and message of an injected failure, as Graph's errors reference names them ({@code
 * TooManyRequests}, {@code generalException}, {@code serviceNotAvailable}, ...), and whether it
 * carries {@code Retry-After} (429 and 503, where Graph documents one).
 */
public record FaultAnswers(int status, String code, String message, boolean retryAfter) {

  public static FaultAnswers of(int status) {
    return switch (status) {
      case 429 ->
          new FaultAnswers(
              429, "TooManyRequests", "Too many requests. Please retry after a delay.", true);
      case 502 -> new FaultAnswers(502, "BadGateway", "Bad gateway.", false);
      case 503 ->
          new FaultAnswers(
              503,
              "serviceNotAvailable",
              "The service is temporarily unavailable. Please retry after a delay.",
              true);
      case 504 -> new FaultAnswers(504, "GatewayTimeout", "Gateway timeout.", false);
      default ->
          new FaultAnswers(500, "generalException", "An unspecified error has occurred.", false);
    };
  }
}
