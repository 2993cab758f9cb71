/** Publishing typed events with their attributes, trace context and payload pointers. */
@NullMarked
package dev.officeflow.runtime.publish;

import org.jspecify.annotations.NullMarked;
