/**
 * Google's OAuth 2.0 endpoints as this service calls them (token, refresh, revoke, userinfo), and
 * Google as an {@code OAuthProvider}.
 */
@NullMarked
package dev.officeflow.user.google;

import org.jspecify.annotations.NullMarked;
