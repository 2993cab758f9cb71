/** The legacy bridge's benchmark: items per second out of legacy batches, beside the raw rate. */
@NullMarked
package dev.officeflow.bench.legacybridge;

import org.jspecify.annotations.NullMarked;
