package dev.officeflow.office.backfill;

import java.time.Instant;

/**
 * What a new job reads: mail received after {@code emailAfter}, events overlapping {@code
 * [calendarFrom, calendarTo)}, at most {@code maxEmails} and {@code maxEvents}. The window is fixed
 * when the job is created, so every run and every resume of it reads the same items.
 */
public record NewJob(
    String userId,
    String provider,
    Instant emailAfter,
    Instant calendarFrom,
    Instant calendarTo,
    int maxEmails,
    int maxEvents) {}
