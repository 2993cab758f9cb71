/** The backfill jobs table (R2DBC): creation, leases, checkpoints and final states. */
@NullMarked
package dev.officeflow.office.backfill.store;

import org.jspecify.annotations.NullMarked;
