/**
 * User JWTs: issuing them (RS256, with the current of the configured keys), publishing every key's
 * public half as a JWKS by {@code kid}, and checking them on this service's own {@code /v1/**}
 * endpoints, where a deleted user's tokens are refused before they expire.
 */
@NullMarked
package dev.officeflow.user.session;

import org.jspecify.annotations.NullMarked;
