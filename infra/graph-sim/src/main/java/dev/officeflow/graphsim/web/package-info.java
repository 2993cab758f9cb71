/**
 * Graph's HTTP conventions: error bodies, the guard in front of every Graph call (token, scope,
 * throttling, faults, request ids).
 */
@NullMarked
package dev.officeflow.graphsim.web;

import org.jspecify.annotations.NullMarked;
