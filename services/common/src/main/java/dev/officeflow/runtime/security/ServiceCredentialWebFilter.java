package dev.officeflow.runtime.security;

import dev.officeflow.runtime.web.ProblemCodes;
import dev.officeflow.runtime.web.Problems;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * Guards {@code /internal/**} by caller (ARCHITECTURE §8): no or an unknown credential → 401; a
 * known caller that the route's {@link InternalAccess} does not name → 403; a user's JWT → 403 (a
 * user may not call what only services may); an allowed caller → through, its name in the
 * exchange's {@link #CALLER} attribute. Callers are known by their static token or, on GCP, by a
 * Google-signed ID token of their service account. Refusals are problems. Runs before any security
 * chain, which therefore permits {@code /internal/**} and leaves it to this filter.
 *
 * <p>The path is matched the way WebFlux routes it (decoded segments without {@code ;} parameters,
 * within the application's base path), not as the raw string: {@code /internal;x/...} and {@code
 * /%69nternal/...} reach the same handlers as {@code /internal/...} and must meet the same guard.
 */
public final class ServiceCredentialWebFilter implements WebFilter, Ordered {

  /** The exchange attribute that holds the authenticated caller's name. */
  public static final String CALLER = ServiceCredentialWebFilter.class.getName() + ".caller";

  private static final PathPattern INTERNAL =
      PathPatternParser.defaultInstance.parse("/internal/**");

  private static final InternalAccess OPERATOR_ONLY =
      InternalAccess.of("/internal/**", InternalAccess.OPERATOR);

  private final CallerTokens tokens;
  private final @Nullable GoogleIdTokens googleIdTokens;
  private final List<Rule> rules;

  private record Rule(PathPattern pattern, InternalAccess access) {}

  ServiceCredentialWebFilter(
      CallerTokens tokens, @Nullable GoogleIdTokens googleIdTokens, List<InternalAccess> access) {
    this.tokens = tokens;
    this.googleIdTokens = googleIdTokens;
    this.rules = access.stream().map(a -> new Rule(a.parsed(), a)).toList();
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE + 10;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
    if (!INTERNAL.matches(path)) {
      return chain.filter(exchange);
    }
    Optional<String> bearer =
        Optional.ofNullable(exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION))
            .filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7))
            .map(h -> h.substring(7).trim())
            .filter(token -> !token.isEmpty());
    if (bearer.isEmpty()) {
      return reject(
          exchange,
          HttpStatus.UNAUTHORIZED,
          ProblemCodes.UNAUTHORIZED,
          "a service credential is required");
    }
    return caller(bearer.get())
        .flatMap(
            caller -> {
              if (caller.isEmpty()) {
                return looksLikeJwt(bearer.get())
                    ? reject(
                        exchange,
                        HttpStatus.FORBIDDEN,
                        ProblemCodes.FORBIDDEN,
                        "user tokens cannot call internal endpoints")
                    : reject(
                        exchange,
                        HttpStatus.UNAUTHORIZED,
                        ProblemCodes.UNAUTHORIZED,
                        "unknown service credential");
              }
              if (!allowed(caller.get(), path)) {
                return reject(
                    exchange,
                    HttpStatus.FORBIDDEN,
                    ProblemCodes.FORBIDDEN,
                    caller.get() + " may not call " + path.value());
              }
              exchange.getAttributes().put(CALLER, caller.get());
              return chain.filter(exchange);
            });
  }

  private Mono<Optional<String>> caller(String bearer) {
    Optional<String> known = tokens.callerOf(bearer);
    if (known.isPresent() || googleIdTokens == null || !looksLikeJwt(bearer)) {
      return Mono.just(known);
    }
    return googleIdTokens.callerOf(bearer);
  }

  /** The rules of the first route family that matches; routes no rule names: the operator's. */
  private boolean allowed(String caller, PathContainer path) {
    for (Rule rule : rules) {
      if (rule.pattern().matches(path)) {
        return rule.access().allows(caller);
      }
    }
    return OPERATOR_ONLY.allows(caller);
  }

  private static boolean looksLikeJwt(String token) {
    return token.chars().filter(c -> c == '.').count() == 2;
  }

  private static Mono<Void> reject(
      ServerWebExchange exchange, HttpStatus status, String code, String detail) {
    return Problems.write(exchange, Problems.of(status, code, detail));
  }
}
