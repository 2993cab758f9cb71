package dev.officeflow.user.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The outbox sweeper ({@code officeflow.user.outbox.*}).
 *
 * @param sweepInterval how often unpublished events are retried (default 10 s)
 * @param minAge how old an event must be before the sweeper takes it, so it does not race the
 *     request that is publishing it right now (default 30 s)
 * @param batchSize events per sweep (default 100)
 */
@ConfigurationProperties("officeflow.user.outbox")
public record OutboxSettings(
    @DefaultValue("10s") Duration sweepInterval,
    @DefaultValue("30s") Duration minAge,
    @DefaultValue("100") int batchSize) {}
