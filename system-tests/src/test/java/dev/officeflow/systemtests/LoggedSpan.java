package dev.officeflow.systemtests;

/**
 * A finished span as a service wrote it to its JSON log ({@code officeflow.tracing.log-spans}).
 *
 * @param service the process that wrote it
 * @param name e.g. {@code t1a2b3c4d-emails publish} or {@code t1a2b3c4d-contacts-emails process}
 */
record LoggedSpan(
    String service, String traceId, String spanId, String parentSpanId, String name, String kind) {}
