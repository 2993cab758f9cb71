/**
 * What every OAuth provider (Google, Microsoft) offers the features that connect, refresh, revoke
 * and sign in: one interface per provider, the registry of those this deployment offers, their
 * neutral token and error types, and the ID token checks they share.
 */
@NullMarked
package dev.officeflow.user.oauth;

import org.jspecify.annotations.NullMarked;
