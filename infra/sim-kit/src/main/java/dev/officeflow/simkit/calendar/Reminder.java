package dev.officeflow.simkit.calendar;

/** A reminder override: method {@code email} or {@code popup}, minutes before start. */
public record Reminder(String method, int minutes) {}
