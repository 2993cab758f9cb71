/**
 * Stream tickets: short-lived, opaque, single-user credentials for {@code GET /v1/stream}, issued
 * for a user JWT and kept hashed in Redis, so that no long-lived token travels in a URL.
 */
@NullMarked
package dev.officeflow.notifier.ticket;

import org.jspecify.annotations.NullMarked;
