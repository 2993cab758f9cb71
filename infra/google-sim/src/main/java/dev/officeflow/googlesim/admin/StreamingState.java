package dev.officeflow.googlesim.admin;

/**
 * What is live for an account's push notifications right now: whether a Gmail watch is active (not
 * stopped, not expired) and how many Calendar channels are open on its calendar.
 */
public record StreamingState(boolean gmailWatch, int calendarChannels) {}
