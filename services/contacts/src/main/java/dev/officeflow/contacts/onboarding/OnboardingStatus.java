package dev.officeflow.contacts.onboarding;

import org.jspecify.annotations.Nullable;

/**
 * Where the user is in VIP onboarding.
 *
 * @param step {@code not_connected}, {@code backfilling}, {@code ready} or {@code selected}
 * @param contacts ranked contacts (automated senders excluded)
 * @param selectionSize VIPs saved
 * @param provisional whether the candidates may still change because the backfill has read part of
 *     the window only: the latest job's {@code provisional} (true until it completed, so also after
 *     it failed); with no job reported, true while the backfill is {@code running} by what this
 *     service saw itself ({@link BackfillProgress})
 * @param job the latest backfill job as the office's progress events report it; null until one
 *     arrived
 */
public record OnboardingStatus(
    String step,
    boolean connected,
    boolean hasContacts,
    long contacts,
    int selectionSize,
    BackfillProgress backfill,
    boolean provisional,
    @Nullable LatestJob job) {}
