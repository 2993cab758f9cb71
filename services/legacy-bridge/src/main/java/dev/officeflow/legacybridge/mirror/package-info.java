/**
 * The mirror (issue 25, off by default): officeflow's typed events republished in the reference's
 * deprecated single-item shapes on the legacy topics, for the reference consumers not yet migrated,
 * and {@link dev.officeflow.legacybridge.mirror.LegacyLoop}, which keeps the bridge and the mirror
 * from feeding each other.
 */
@NullMarked
package dev.officeflow.legacybridge.mirror;

import org.jspecify.annotations.NullMarked;
