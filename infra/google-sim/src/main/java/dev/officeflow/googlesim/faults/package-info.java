/** Fault injection on request: error rates, added latency. */
@NullMarked
package dev.officeflow.googlesim.faults;

import org.jspecify.annotations.NullMarked;
