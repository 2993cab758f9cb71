package dev.officeflow.user.connect;

import dev.officeflow.user.connect.store.OAuthStateStore;
import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import reactor.core.publisher.Mono;

/**
 * Redis, where authorizations in progress live, as {@code /actuator/health} component {@code redis}
 * (the bean's name, see {@code ConnectConfiguration}).
 */
class OAuthStateHealth extends AbstractReactiveHealthIndicator {

  private final OAuthStateStore states;

  OAuthStateHealth(OAuthStateStore states) {
    super("Redis (OAuth state) is unavailable");
    this.states = states;
  }

  @Override
  protected Mono<Health> doHealthCheck(Health.Builder builder) {
    return states.ping().map(reply -> builder.up().withDetail("ping", reply).build());
  }
}
