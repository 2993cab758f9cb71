package dev.officeflow.office.lifecycle;

import java.time.Instant;
import java.util.UUID;

/**
 * Published as a Spring application event once a job's completion is stored, so features that start
 * after a backfill (the streaming bridge) need not reach into this package.
 */
public record BackfillCompleted(UUID jobId, String userId, String provider, Instant at) {}
