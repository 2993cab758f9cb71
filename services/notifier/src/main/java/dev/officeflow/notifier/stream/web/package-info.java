/** {@code GET /v1/stream}: the EventSource endpoint. */
@NullMarked
package dev.officeflow.notifier.stream.web;

import org.jspecify.annotations.NullMarked;
