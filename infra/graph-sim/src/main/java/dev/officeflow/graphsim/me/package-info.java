/** {@code GET /v1.0/me}: the signed-in user. */
@NullMarked
package dev.officeflow.graphsim.me;

import org.jspecify.annotations.NullMarked;
