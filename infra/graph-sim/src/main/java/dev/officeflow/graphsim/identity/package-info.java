/**
 * The Microsoft identity platform's v2.0 endpoints: authorization code with PKCE, refresh tokens,
 * id_tokens, the key set, OpenID configuration; and the access tokens Graph calls carry.
 */
@NullMarked
package dev.officeflow.graphsim.identity;

import org.jspecify.annotations.NullMarked;
