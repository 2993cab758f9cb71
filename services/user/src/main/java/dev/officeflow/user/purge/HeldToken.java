package dev.officeflow.user.purge;

import dev.officeflow.user.integration.ProviderTokens;
import java.util.List;
import java.util.UUID;

/**
 * The tokens of a grant held for a deleted user's purge, decrypted, in memory only. Printed without
 * its tokens ({@link ProviderTokens#toString}).
 *
 * @param integrationId the integration the grant belonged to
 * @param scopes what the grant allows
 */
public record HeldToken(
    UUID integrationId,
    String userId,
    String provider,
    List<String> scopes,
    ProviderTokens tokens) {

  public HeldToken {
    scopes = List.copyOf(scopes);
  }
}
