package dev.officeflow.graphsim.identity;

import java.util.Set;

/**
 * What the identity platform knows of an account: its object id, sign-in name, display name, the
 * scopes it consents to and whether it declines every consent.
 *
 * @param id the account's object id ({@code oid}, Graph's user id): a GUID
 * @param grantedScopes short forms; a request for others is granted without them
 */
public record DirectoryUser(
    String id, String email, String displayName, Set<String> grantedScopes, boolean denyConsent) {

  public DirectoryUser {
    grantedScopes = Set.copyOf(grantedScopes);
  }
}
