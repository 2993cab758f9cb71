/** Connecting a provider: the OAuth authorization code flow with state and PKCE (S256). */
@NullMarked
package dev.officeflow.user.connect;

import org.jspecify.annotations.NullMarked;
