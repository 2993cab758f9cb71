package dev.officeflow.user.token;

import dev.officeflow.user.integration.Integration;
import dev.officeflow.user.integration.ProviderTokens;
import dev.officeflow.user.purge.HeldToken;
import java.util.List;
import java.util.UUID;

/**
 * An access token fit to serve, with what the caller needs of its integration. Printed without its
 * tokens.
 *
 * @param scopes what the grant allows now (updated by a refresh)
 * @param accountEmail the provider account's address; empty for a deleted user's held grant, which
 *     keeps none
 * @param tokens its tokens; the access token lasts beyond the refresh margin
 */
public record ServedToken(
    UUID integrationId, List<String> scopes, String accountEmail, ProviderTokens tokens) {

  public ServedToken {
    scopes = List.copyOf(scopes);
  }

  static ServedToken of(Integration integration, ProviderTokens tokens) {
    return new ServedToken(
        integration.id(),
        integration.scopes(),
        integration.accountEmail() == null ? "" : integration.accountEmail(),
        tokens);
  }

  static ServedToken held(HeldToken held) {
    return new ServedToken(held.integrationId(), held.scopes(), "", held.tokens());
  }
}
