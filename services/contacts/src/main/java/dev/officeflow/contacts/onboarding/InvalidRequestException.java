package dev.officeflow.contacts.onboarding;

import java.util.List;

/** A request the API refuses with 400, naming what is wrong and, when known, the entries. */
public final class InvalidRequestException extends RuntimeException {

  private final String error;
  private final List<String> offending;

  public InvalidRequestException(String error, String message, List<String> offending) {
    super(message);
    this.error = error;
    this.offending = List.copyOf(offending);
  }

  public String error() {
    return error;
  }

  public List<String> offending() {
    return offending;
  }
}
