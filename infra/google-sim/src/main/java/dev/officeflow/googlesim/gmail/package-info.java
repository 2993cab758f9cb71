/**
 * Gmail v1: profile, messages list/get, history, watch/stop, with the real scope rules and JSON
 * shapes.
 */
@NullMarked
package dev.officeflow.googlesim.gmail;

import org.jspecify.annotations.NullMarked;
