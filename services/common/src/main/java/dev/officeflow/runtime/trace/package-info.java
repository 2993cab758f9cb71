/** OpenTelemetry spans around publish and consume, with W3C context in message attributes. */
@NullMarked
package dev.officeflow.runtime.trace;

import org.jspecify.annotations.NullMarked;
