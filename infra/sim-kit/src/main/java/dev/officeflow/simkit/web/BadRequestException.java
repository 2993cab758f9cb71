package dev.officeflow.simkit.web;

import org.jspecify.annotations.Nullable;

/** An invalid request parameter; the {@link Router} answers it with its error style's 400. */
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
