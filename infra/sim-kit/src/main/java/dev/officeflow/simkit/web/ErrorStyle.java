package dev.officeflow.simkit.web;

import org.jspecify.annotations.Nullable;

/**
 * How a simulated provider words the errors the {@link Router} produces itself: no route, a {@link
 * BadRequestException} out of a handler, and any other exception. Each simulator answers in its
 * provider's error body, so the official clients parse them as they parse the real ones.
 */
public interface ErrorStyle {

  /** No handler serves the request's path. */
  SimResponse notFound(SimRequest r);

  /**
   * A handler found the request invalid.
   *
   * @param parameter the offending query or body parameter, null when none is to blame
   */
  SimResponse badRequest(SimRequest r, String message, @Nullable String parameter);

  /** A handler failed unexpectedly; the router has logged {@code e}. */
  SimResponse internal(SimRequest r, Exception e);
}
