package dev.officeflow.runtime.security;

import dev.officeflow.runtime.security.ServiceCredentials.Verdict;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * Guards {@code /internal/**}: no or an unknown credential → 401, a user's JWT → 403 (a user may
 * not call what only services may), a service credential → through. Runs before any security chain,
 * which therefore permits {@code /internal/**} and leaves it to this filter.
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
              exchange.getResponse(),
              HttpStatus.FORBIDDEN,
              "user tokens cannot call internal endpoints");
      case MISSING ->
          reject(exchange.getResponse(), HttpStatus.UNAUTHORIZED, "service credential required");
      case INVALID ->
          reject(exchange.getResponse(), HttpStatus.UNAUTHORIZED, "unknown service credential");
    };
  }

  private static Mono<Void> reject(ServerHttpResponse response, HttpStatus status, String message) {
    response.setStatusCode(status);
    response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
    String body =
        "{\"error\":\"" + status.name().toLowerCase() + "\",\"message\":\"" + message + "\"}";
    DataBuffer buffer = response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8));
    return response.writeWith(Mono.just(buffer));
  }
}
