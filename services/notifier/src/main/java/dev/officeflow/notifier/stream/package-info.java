/**
 * The per-user streams: a bounded buffer per user in Redis (a Redis stream, whose entry ids are the
 * SSE event ids), a Redis channel per user that carries each new entry to whichever instance holds
 * the user's connections, and the connections of this instance.
 */
@NullMarked
package dev.officeflow.notifier.stream;

import org.jspecify.annotations.NullMarked;
