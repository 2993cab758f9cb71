/** Injected failures (5xx, 429 storms with Retry-After) and latency on Graph calls. */
@NullMarked
package dev.officeflow.graphsim.faults;

import org.jspecify.annotations.NullMarked;
