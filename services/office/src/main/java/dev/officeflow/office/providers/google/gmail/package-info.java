/**
 * Gmail streaming: {@code users.watch} after a backfill, push notifications from {@code gmail-push}
 * turned into {@code history.list} reads (coalesced per user), deltas published as {@code
 * real_time} {@code EmailEvent}s, daily watch renewal, a periodic poll, and a full resync when
 * Gmail no longer knows the stored history id.
 */
@NullMarked
package dev.officeflow.office.providers.google.gmail;

import org.jspecify.annotations.NullMarked;
