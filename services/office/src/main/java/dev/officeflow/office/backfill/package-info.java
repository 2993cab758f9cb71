/**
 * Backfill jobs: a user's recent mail and calendar read once from the provider and published as
 * {@code batch_sync} events, durably checkpointed and leased so a job survives crashes and never
 * runs twice at once.
 */
@NullMarked
package dev.officeflow.office.backfill;

import org.jspecify.annotations.NullMarked;
