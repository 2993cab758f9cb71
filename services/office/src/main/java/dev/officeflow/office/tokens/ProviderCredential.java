package dev.officeflow.office.tokens;

import java.util.Set;

/**
 * An access token with what it grants. {@link #toString()} leaves the token out: nothing logs one.
 *
 * @param accountEmail the provider account's own address
 * @param scopes the granted OAuth scopes; empty when unknown (then the provider's answers decide)
 */
public record ProviderCredential(String accessToken, String accountEmail, Set<String> scopes) {

  public ProviderCredential {
    scopes = Set.copyOf(scopes);
  }

  /** True when the scopes are unknown or include one of {@code anyOf}. */
  public boolean mayGrant(Set<String> anyOf) {
    return scopes.isEmpty() || scopes.stream().anyMatch(anyOf::contains);
  }

  @Override
  public String toString() {
    return "ProviderCredential[account=" + accountEmail + ", scopes=" + scopes + "]";
  }
}
