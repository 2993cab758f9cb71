package dev.officeflow.contacts;

import dev.officeflow.contacts.testing.ContactsApp;
import dev.officeflow.runtime.testing.OpenApiDocument;
import dev.officeflow.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;

/** {@code docs/openapi/contacts.json} is what the service serves at {@code /v3/api-docs}. */
@IntegrationTest
class OpenApiDocumentIT {

  @Test
  void theServedDocumentIsTheCheckedInOne() {
    try (ContactsApp app = ContactsApp.start("contacts_openapi")) {
      OpenApiDocument.of("contacts", "contacts").assertServedBy(app.baseUrl());
    }
  }
}
