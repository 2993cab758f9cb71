/**
 * Microsoft (the Microsoft identity platform, v2.0 endpoints) as OAuth provider for connecting
 * Outlook mail, calendar and contacts through Graph, and as OpenID Connect provider for "Sign in
 * with Microsoft": settings, scopes, the token endpoint client (PKCE, rotating refresh tokens) and
 * id_token checks against the tenant's key set. Offered only when a client id is configured.
 */
@NullMarked
package dev.officeflow.user.microsoft;

import org.jspecify.annotations.NullMarked;
