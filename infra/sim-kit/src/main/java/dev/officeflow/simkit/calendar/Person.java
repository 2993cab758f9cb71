package dev.officeflow.simkit.calendar;

/** An event's creator or organizer; {@code self} marks the calendar's owner. */
public record Person(String email, String displayName, boolean self) {}
