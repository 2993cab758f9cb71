/**
 * Google's side of the HTTP layer (the generic one is the kit's {@code dev.officeflow.simkit.web}):
 * Google error bodies, the guard in front of every API method, batch requests.
 */
@NullMarked
package dev.officeflow.googlesim.web;

import org.jspecify.annotations.NullMarked;
