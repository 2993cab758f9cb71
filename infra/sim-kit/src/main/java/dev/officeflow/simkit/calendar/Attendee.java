package dev.officeflow.simkit.calendar;

/**
 * One attendee.
 *
 * @param responseStatus needsAction, declined, tentative or accepted
 */
public record Attendee(
    String email,
    String displayName,
    String responseStatus,
    boolean organizer,
    boolean self,
    boolean optional) {}
