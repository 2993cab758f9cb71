/**
 * RS256 JWT signing and the JSON Web Key of the signing key, for the ID tokens the simulators issue
 * (google-sim's Google ID tokens, graph-sim's identity-platform tokens).
 */
@NullMarked
package dev.officeflow.simkit.jwt;

import org.jspecify.annotations.NullMarked;
