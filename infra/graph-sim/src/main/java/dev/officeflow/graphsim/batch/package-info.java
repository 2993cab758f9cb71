/**
 * Graph's JSON batching ({@code POST /v1.0/$batch}): up to 20 requests, each dispatched through the
 * router as if it came alone (its own guard: scope, throttling, faults), {@code dependsOn}
 * honoured, answers collected in one {@code responses} body.
 */
@NullMarked
package dev.officeflow.graphsim.batch;

import org.jspecify.annotations.NullMarked;
