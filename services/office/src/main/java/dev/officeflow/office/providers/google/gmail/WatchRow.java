package dev.officeflow.office.providers.google.gmail;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One watched mailbox as stored in {@code gmail_watches}.
 *
 * @param historyId where the next {@code history.list} starts (everything up to it is published)
 * @param resyncJobId the backfill job replacing an expired history id, while {@code resyncing}
 * @param watchExpiresAt when Gmail stops notifying unless the watch is renewed
 */
record WatchRow(
    String userId,
    String emailAddress,
    long historyId,
    boolean resyncing,
    @Nullable UUID resyncJobId,
    @Nullable Instant watchExpiresAt,
    Instant renewedAt,
    Instant syncedAt) {}
