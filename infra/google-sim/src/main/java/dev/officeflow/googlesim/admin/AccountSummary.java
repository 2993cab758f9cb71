package dev.officeflow.googlesim.admin;

import java.util.Set;

/**
 * What an account holds right now.
 *
 * @param events events of the primary calendar
 * @param calendars calendars on the calendar list, the primary included
 * @param contacts contacts in the address book (deleted ones not counted)
 * @param otherContacts other contacts (deleted ones not counted)
 */
public record AccountSummary(
    String email,
    String displayName,
    int messagesTotal,
    int threadsTotal,
    long historyId,
    int events,
    int calendars,
    int contacts,
    int otherContacts,
    String timeZone,
    Set<String> grantedScopes,
    boolean denyConsent,
    long tokenLifetimeSeconds) {}
