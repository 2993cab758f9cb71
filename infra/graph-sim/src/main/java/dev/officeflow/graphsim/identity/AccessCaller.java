package dev.officeflow.graphsim.identity;

import java.time.Instant;
import java.util.Set;

/**
 * Who a live access token speaks for.
 *
 * @param accountId the account's id (its Graph user id, a GUID)
 * @param scopes granted scopes in their short form ({@code Mail.Read})
 */
public record AccessCaller(String accountId, Set<String> scopes, Instant expiresAt) {

  public AccessCaller {
    scopes = Set.copyOf(scopes);
  }
}
