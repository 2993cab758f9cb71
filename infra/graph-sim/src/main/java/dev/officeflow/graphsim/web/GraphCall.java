package dev.officeflow.graphsim.web;

import dev.officeflow.simkit.web.SimRequest;
import java.util.Set;

/**
 * One Graph call past the guard: whose mailbox (the token's account), which app, what the token
 * grants, and the request id its answer carries.
 *
 * @param accountId the signed-in account's id ({@code me})
 * @param clientId the OAuth client the token was issued to
 * @param scopes granted scopes, short forms ({@code Mail.Read})
 */
public record GraphCall(
    String accountId, String clientId, Set<String> scopes, String requestId, SimRequest request) {

  public GraphCall {
    scopes = Set.copyOf(scopes);
  }
}
