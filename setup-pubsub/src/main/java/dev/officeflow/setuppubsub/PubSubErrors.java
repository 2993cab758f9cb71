package dev.officeflow.setuppubsub;

import com.google.api.gax.rpc.ApiException;

/** Turns Pub/Sub failures into one-line {@link SetupException}s that say what to do. */
final class PubSubErrors {

  private final String project;
  private final String endpoint;
  private final String startAdvice;

  /**
   * @param endpoint what the calls go to, as printed: {@code the Pub/Sub emulator at host:port}
   * @param startAdvice appended when it cannot be reached, for example {@code start it with ./dev
   *     infra}
   */
  PubSubErrors(String project, String endpoint, String startAdvice) {
    this.project = project;
    this.endpoint = endpoint;
    this.startAdvice = startAdvice;
  }

  static PubSubErrors forEmulator(String project, HostPort emulator) {
    return new PubSubErrors(
        project, "the Pub/Sub emulator at " + emulator, "start it with ./dev infra");
  }

  static PubSubErrors forCloud(String project) {
    return new PubSubErrors(
        project, "Pub/Sub (pubsub.googleapis.com)", "check the network and the proxy settings");
  }

  /** The failure of {@code action} (for example {@code create topic emails}). */
  SetupException translate(ApiException e, String action) {
    return switch (e.getStatusCode().getCode()) {
      case PERMISSION_DENIED -> permissionDenied(e);
      case UNAUTHENTICATED ->
          new SetupException(
              ExitStatus.PERMISSION_DENIED,
              "not authenticated for projects/"
                  + project
                  + ": "
                  + describe(e)
                  + " — run gcloud auth application-default login",
              e);
      case UNAVAILABLE, DEADLINE_EXCEEDED -> unreachable(describe(e), e);
      default ->
          new SetupException(
              ExitStatus.FAILED,
              "cannot " + action + " in projects/" + project + ": " + describe(e),
              e);
    };
  }

  SetupException permissionDenied(Throwable cause) {
    return new SetupException(
        ExitStatus.PERMISSION_DENIED,
        "permission denied on projects/" + project + ": the credentials need roles/pubsub.editor",
        cause);
  }

  SetupException unreachable(String reason, Throwable cause) {
    return new SetupException(
        ExitStatus.UNREACHABLE,
        "cannot reach " + endpoint + ": " + reason + " — " + startAdvice,
        cause);
  }

  // gax messages start with the wrapped exception's class name; the status code and the server's
  // description are what a person needs.
  private static String describe(ApiException e) {
    String message = e.getMessage() == null ? "" : e.getMessage();
    int start = message.indexOf("Exception: ");
    String description = start < 0 ? message : message.substring(start + "Exception: ".length());
    return description.isBlank() ? e.getStatusCode().getCode().toString() : description;
  }
}
