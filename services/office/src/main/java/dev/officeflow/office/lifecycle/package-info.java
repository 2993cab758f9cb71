/**
 * What features of the office tell each other about a user's life without depending on each other's
 * packages: Spring application events (a backfill completed, an integration closed, a user purged)
 * and {@link dev.officeflow.office.lifecycle.ProviderWatches}, the beans the purge stops a deleted
 * user's watches through.
 */
@NullMarked
package dev.officeflow.office.lifecycle;

import org.jspecify.annotations.NullMarked;
