package dev.officeflow.contacts.onboarding;

import dev.officeflow.events.ProgressState;
import java.time.Instant;

/**
 * The user's latest backfill job, as its progress events reported it.
 *
 * @param jobId the office's job id
 * @param provider whose data the job reads ({@code google}, {@code microsoft})
 * @param state {@code running}, {@code retrying}, {@code completed} or {@code failed}
 * @param phase {@code calendar}, {@code mail}, {@code contacts}, or {@code done}
 * @param percent 0 to 100
 * @param provisional true until the job completed: candidates rest on part of the window
 * @param sequence the report's number within the job
 * @param measuredAt when the office measured it
 */
public record LatestJob(
    String jobId,
    String provider,
    ProgressState state,
    String phase,
    int percent,
    boolean provisional,
    long sequence,
    Instant measuredAt) {}
