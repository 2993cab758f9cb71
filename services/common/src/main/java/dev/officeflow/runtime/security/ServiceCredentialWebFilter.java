package dev.officeflow.runtime.security;

import dev.officeflow.runtime.security.ServiceCredentials.Verdict;
import dev.officeflow.runtime.web.ProblemCodes;
import dev.officeflow.runtime.web.Problems;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * Guards {@code /internal/**}: no or an unknown credential → 401, a user's JWT → 403 (a user may
 * not call what only services may), a service credential → through. Refusals are problems. Runs
 * before any security chain, which therefore permits {@code /internal/**} and leaves it to this
 * filter.
 *
 * <p>The path is matched the way WebFlux routes it (decoded segments without {@code ;} parameters,
 * within the application's base path), not as the raw string: {@code /internal;x/...} and {@code
 * /%69nternal/...} reach the same handlers as {@code /internal/...} and must meet the same guard.
 */
public final class ServiceCredentialWebFilter implements WebFilter, Ordered {

  private static final PathPattern INTERNAL =
      PathPatternParser.defaultInstance.parse("/internal/**");

  private final ServiceCredentials credentials;

  public ServiceCredentialWebFilter(ServiceCredentials credentials) {
    this.credentials = credentials;
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE + 10;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    if (!INTERNAL.matches(exchange.getRequest().getPath().pathWithinApplication())) {
      return chain.filter(exchange);
    }
    Optional<String> header =
        Optional.ofNullable(exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION));
    Verdict verdict = credentials.check(header);
    return switch (verdict) {
      case SERVICE -> chain.filter(exchange);
      case USER_TOKEN ->
          reject(
              exchange,
              HttpStatus.FORBIDDEN,
              ProblemCodes.FORBIDDEN,
              "user tokens cannot call internal endpoints");
      case MISSING ->
          reject(
              exchange,
              HttpStatus.UNAUTHORIZED,
              ProblemCodes.UNAUTHORIZED,
              "a service credential is required");
      case INVALID ->
          reject(
              exchange,
              HttpStatus.UNAUTHORIZED,
              ProblemCodes.UNAUTHORIZED,
              "unknown service credential");
    };
  }

  private static Mono<Void> reject(
      ServerWebExchange exchange, HttpStatus status, String code, String detail) {
    return Problems.write(exchange, Problems.of(status, code, detail));
  }
}
