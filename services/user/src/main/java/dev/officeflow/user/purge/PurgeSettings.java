package dev.officeflow.user.purge;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Holding a deleted user's grants for the office's purge ({@code officeflow.user.purge.*}).
 *
 * @param releaseDeadline how long a grant is held when the office never confirms its purge (down,
 *     or a bug): then the sweeper revokes it anyway, so no grant outlives its account for longer
 *     (default 1 hour; the office's purge takes seconds, its retries minutes)
 * @param sweepInterval how often due grants are revoked: those past the deadline, and confirmed
 *     ones whose revocation failed (default 30 s)
 * @param claim how long an instance holds a grant while it revokes it; a crashed instance's claim
 *     lapses after this (default 2 minutes)
 * @param batchSize grants per sweep (default 50)
 */
@ConfigurationProperties("officeflow.user.purge")
public record PurgeSettings(
    @DefaultValue("1h") Duration releaseDeadline,
    @DefaultValue("30s") Duration sweepInterval,
    @DefaultValue("2m") Duration claim,
    @DefaultValue("50") int batchSize) {}
