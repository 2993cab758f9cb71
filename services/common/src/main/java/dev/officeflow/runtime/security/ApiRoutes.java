package dev.officeflow.runtime.security;

import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;

/**
 * A service's own rules in the shared user-facing security chain, e.g. its public pages and
 * webhooks. The chain has already permitted health, info, metrics and the OpenAPI document ({@code
 * GET /v3/api-docs}); whatever no rule matches needs a valid user JWT. {@code /internal/**} never
 * reaches these rules (it has a chain of its own).
 */
@FunctionalInterface
public interface ApiRoutes {

  void authorize(AuthorizeExchangeSpec exchanges);
}
