/** Claim checks: large payloads stored in Redis and referenced from the event. */
@NullMarked
package dev.officeflow.runtime.payload;

import org.jspecify.annotations.NullMarked;
