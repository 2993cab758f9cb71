/**
 * The legacy bridge: reads the reference services' deprecated shapes on the legacy topics and
 * republishes each item as officeflow's typed event (services/legacy-bridge/README.md).
 */
@NullMarked
package dev.officeflow.legacybridge;

import org.jspecify.annotations.NullMarked;
