package dev.officeflow.contacts.onboarding;

/**
 * Where the user is in VIP onboarding.
 *
 * @param step {@code not_connected}, {@code backfilling}, {@code ready} or {@code selected}
 * @param contacts ranked contacts (automated senders excluded)
 * @param selectionSize VIPs saved
 */
public record OnboardingStatus(
    String step,
    boolean connected,
    boolean hasContacts,
    long contacts,
    int selectionSize,
    BackfillProgress backfill) {}
