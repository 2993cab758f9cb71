package dev.officeflow.googlesim.admin;

import java.util.Set;

/** What an account holds right now. */
public record AccountSummary(
    String email,
    String displayName,
    int messagesTotal,
    int threadsTotal,
    long historyId,
    int events,
    String timeZone,
    Set<String> grantedScopes,
    boolean denyConsent,
    long tokenLifetimeSeconds) {}
