package dev.officeflow.googlesim.web;

import org.jspecify.annotations.Nullable;

/** An invalid request parameter; the server turns it into Google's 400 {@code invalid} body. */
public final class BadRequestException extends RuntimeException {

  private final @Nullable String parameter;

  public BadRequestException(String message, @Nullable String parameter) {
    super(message);
    this.parameter = parameter;
  }

  public @Nullable String parameter() {
    return parameter;
  }
}
