/**
 * The fault injection the simulators share: queued failures, then seeded random draws against an
 * error rate. Each simulator keeps its own settings, allowed statuses and error bodies.
 */
@NullMarked
package dev.officeflow.simkit.faults;

import org.jspecify.annotations.NullMarked;
