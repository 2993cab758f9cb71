package dev.officeflow.simkit.calendar;

/** A file attached to an event: a link to a stored document, as calendars attach them. */
public record EventAttachment(
    String fileUrl, String title, String mimeType, String iconLink, String fileId) {}
