/**
 * Provider access tokens for other services ({@code /internal/tokens/get}): served from storage,
 * refreshed once per integration when close to expiry, and revoked integrations reported.
 */
@NullMarked
package dev.officeflow.user.token;

import org.jspecify.annotations.NullMarked;
