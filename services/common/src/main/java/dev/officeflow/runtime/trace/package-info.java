/**
 * Tracing: the OpenTelemetry SDK from the standard {@code OTEL_*} variables ({@link
 * dev.officeflow.runtime.trace.TelemetrySdk}), spans around publish and consume with W3C context in
 * message attributes, server spans of calls between the services, and the current span's ids on
 * every log line ({@link dev.officeflow.runtime.trace.LogCorrelation}).
 */
@NullMarked
package dev.officeflow.runtime.trace;

import org.jspecify.annotations.NullMarked;
