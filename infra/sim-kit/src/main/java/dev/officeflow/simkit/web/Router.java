package dev.officeflow.simkit.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Maps a path prefix to its handler (longest prefix wins) and turns exceptions into the errors of
 * the simulator's {@link ErrorStyle}, so no request ends without an answer. Thread-safe.
 */
public final class Router {

  private record Route(String prefix, Handler handler) {}

  private static final System.Logger LOG = System.getLogger(Router.class.getName());

  private final List<Route> routes = new ArrayList<>();
  private final ErrorStyle errors;

  public Router(ErrorStyle errors) {
    this.errors = errors;
  }

  /** Registers {@code handler} for {@code prefix} and everything below it. */
  public synchronized Router add(String prefix, Handler handler) {
    routes.add(new Route(prefix, handler));
    routes.sort(Comparator.comparingInt((Route r) -> r.prefix().length()).reversed());
    return this;
  }

  public SimResponse dispatch(SimRequest request) {
    try {
      return find(request.path())
          .map(h -> h.handle(request))
          .orElseGet(() -> errors.notFound(request));
    } catch (BadRequestException e) {
      return errors.badRequest(request, e.getMessage(), e.parameter());
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.ERROR, "request " + request.method() + " " + request.path(), e);
      return errors.internal(request, e);
    }
  }

  private synchronized Optional<Handler> find(String path) {
    return routes.stream()
        .filter(r -> path.equals(r.prefix()) || path.startsWith(withSlash(r.prefix())))
        .map(Route::handler)
        .findFirst();
  }

  private static String withSlash(String prefix) {
    return prefix.endsWith("/") ? prefix : prefix + "/";
  }
}
