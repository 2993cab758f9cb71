/** Consuming events: decode, resolve pointers, call the handler, then ack, nack or dead-letter. */
@NullMarked
package dev.officeflow.runtime.consume;

import org.jspecify.annotations.NullMarked;
