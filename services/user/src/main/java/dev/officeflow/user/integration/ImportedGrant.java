package dev.officeflow.user.integration;

import dev.officeflow.events.IntegrationStatus;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An integration as another system held it, to be imported: provider, status, the account's
 * address, the scopes granted and the tokens (absent when the grant holds none). Never printed with
 * its tokens ({@link ProviderTokens} redacts them).
 */
public record ImportedGrant(
    String provider,
    IntegrationStatus status,
    @Nullable String accountEmail,
    List<String> scopes,
    @Nullable ProviderTokens tokens) {

  public ImportedGrant {
    scopes = List.copyOf(scopes);
  }

  /** Whether {@code integration} and {@code tokens} hold what this grant says, nothing else. */
  public boolean sameAs(Integration integration, @Nullable ProviderTokens stored) {
    return integration.provider().equals(provider)
        && integration.status() == status
        && Objects.equals(integration.accountEmail(), accountEmail)
        && integration.scopes().equals(scopes)
        && Objects.equals(stored, tokens);
  }
}
