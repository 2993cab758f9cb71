/** The pipeline benchmark: the whole system's consumers beside the raw emulator rate. */
@NullMarked
package dev.officeflow.bench.pipeline;

import org.jspecify.annotations.NullMarked;
