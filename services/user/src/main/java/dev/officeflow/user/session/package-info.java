/**
 * User JWTs: issuing them (RS256), publishing the public key as a JWKS, and checking them on this
 * service's own {@code /v1/**} endpoints.
 */
@NullMarked
package dev.officeflow.user.session;

import org.jspecify.annotations.NullMarked;
