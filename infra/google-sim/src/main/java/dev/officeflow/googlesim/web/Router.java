package dev.officeflow.googlesim.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Maps a path prefix to its handler (longest prefix wins) and turns exceptions into Google errors.
 */
public final class Router {

  private record Route(String prefix, Handler handler) {}

  private static final System.Logger LOG = System.getLogger(Router.class.getName());

  private final List<Route> routes = new ArrayList<>();

  /** Registers {@code handler} for {@code prefix} and everything below it. */
  public synchronized Router add(String prefix, Handler handler) {
    routes.add(new Route(prefix, handler));
    routes.sort(Comparator.comparingInt((Route r) -> r.prefix().length()).reversed());
    return this;
  }

  public SimResponse dispatch(SimRequest request) {
    ApiKind style =
        request.path().startsWith("/calendar/")
            ? ApiKind.CALENDAR
            : request.path().startsWith("/v1/") ? ApiKind.PEOPLE : ApiKind.GMAIL;
    try {
      return find(request.path())
          .map(h -> h.handle(request))
          .orElseGet(() -> GoogleErrors.notFound(style));
    } catch (BadRequestException e) {
      return GoogleErrors.badRequest(style, e.getMessage(), e.parameter());
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.ERROR, "request " + request.method() + " " + request.path(), e);
      return GoogleErrors.backend(style, 500);
    }
  }

  private synchronized java.util.Optional<Handler> find(String path) {
    return routes.stream()
        .filter(r -> path.equals(r.prefix()) || path.startsWith(withSlash(r.prefix())))
        .map(Route::handler)
        .findFirst();
  }

  private static String withSlash(String prefix) {
    return prefix.endsWith("/") ? prefix : prefix + "/";
  }
}
