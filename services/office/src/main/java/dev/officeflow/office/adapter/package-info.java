/**
 * What the provider-neutral core needs from a provider adapter ({@code office.providers.<name>}):
 * sessions with the user's credential and failures it can classify. The other parts of the
 * interface live with the feature that uses them: {@code backfill.BackfillSource} (reading a window
 * of mail, events and contacts from a cursor), {@code streaming.StreamSource} (a change feed and
 * its watches or subscriptions), {@code lifecycle.ProviderWatches} (stopping them for a purge), and
 * {@code quota.QuotaBudget} (the provider's quota model). ARCHITECTURE §13.
 */
@NullMarked
package dev.officeflow.office.adapter;

import org.jspecify.annotations.NullMarked;
