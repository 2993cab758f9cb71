/**
 * OAuth 2.0 authorization server: authorize with auto-consent, token (code + PKCE, refresh),
 * revoke.
 */
@NullMarked
package dev.officeflow.googlesim.oauth;

import org.jspecify.annotations.NullMarked;
