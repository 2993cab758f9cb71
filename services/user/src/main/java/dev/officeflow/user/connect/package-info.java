/**
 * Connecting a provider: the OAuth authorization code flow with state and PKCE (S256), bound to the
 * browser that started it by a cookie.
 */
@NullMarked
package dev.officeflow.user.connect;

import org.jspecify.annotations.NullMarked;
