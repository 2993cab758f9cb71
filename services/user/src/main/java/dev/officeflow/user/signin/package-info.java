/**
 * Signing in: "Sign in with Google" and "Sign in with Microsoft" (an OpenID Connect ID token,
 * checked against the provider's keys, issuer and audience, in exchange for a user JWT) and, under
 * the local profile only, demo logins.
 */
@NullMarked
package dev.officeflow.user.signin;

import org.jspecify.annotations.NullMarked;
