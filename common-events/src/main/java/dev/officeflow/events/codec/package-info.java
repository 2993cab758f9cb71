/** JSON encoding and decoding of events. */
@NullMarked
package dev.officeflow.events.codec;

import org.jspecify.annotations.NullMarked;
