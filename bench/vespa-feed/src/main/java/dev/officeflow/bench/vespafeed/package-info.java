/** The vespa-feed benchmark: vespa-loader's feed rate beside the raw emulator rate. */
@NullMarked
package dev.officeflow.bench.vespafeed;

import org.jspecify.annotations.NullMarked;
