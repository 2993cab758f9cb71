package dev.officeflow.googlesim.calendar;

/** A file attached to an event (a Drive link in the real API). */
public record EventAttachment(
    String fileUrl, String title, String mimeType, String iconLink, String fileId) {}
