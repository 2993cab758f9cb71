package dev.officeflow.user.oauth;

import dev.officeflow.runtime.web.ApiException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;

/**
 * The OAuth providers this deployment offers, by name: Google always, Microsoft when its client id
 * is configured. Every feature that talks to a provider looks it up here by the integration's
 * {@code provider}.
 */
public final class OAuthProviders {

  /** The problem code of a provider this deployment does not offer. */
  public static final String NOT_OFFERED = "provider_not_offered";

  private final Map<String, OAuthProvider> byName;

  public OAuthProviders(List<OAuthProvider> providers) {
    Map<String, OAuthProvider> map = new LinkedHashMap<>();
    providers.forEach(p -> map.put(p.name(), p));
    this.byName = Map.copyOf(map);
  }

  public Optional<OAuthProvider> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** The provider, or 404 {@code provider_not_offered} naming it. */
  public OAuthProvider get(String name) {
    return find(name).orElseThrow(() -> notOffered(name));
  }

  /** 404 {@code provider_not_offered}: this deployment has no client configured for it. */
  public static ApiException notOffered(String name) {
    return new ApiException(
        HttpStatus.NOT_FOUND,
        NOT_OFFERED,
        "this officeflow deployment does not offer " + name + " (no OAuth client configured)",
        Map.of("provider", name));
  }
}
