package dev.officeflow.vespaloader.document;

import dev.officeflow.events.Document;
import dev.officeflow.events.DocumentEvent;

/** The {@code office_document} document: file name as title, extracted text as content. */
final class OfficeDocumentFields {

  private OfficeDocumentFields() {}

  static void add(DocumentEvent event, Document document, Fields fields) {
    fields
        .put("title", document.title())
        .put("content", document.content())
        .millis("created_at", document.createdAt())
        .put("content_type", event.contentType())
        .put("url", document.url())
        .put("size_bytes", document.sizeBytes());
  }
}
