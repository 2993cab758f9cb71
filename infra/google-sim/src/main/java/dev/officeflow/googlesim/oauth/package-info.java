/**
 * OAuth 2.0 authorization server and OpenID Connect provider: authorize with auto-consent, token
 * (code + PKCE, refresh; an ID token after an {@code openid} consent), revoke, the ID tokens' key
 * set.
 */
@NullMarked
package dev.officeflow.googlesim.oauth;

import org.jspecify.annotations.NullMarked;
