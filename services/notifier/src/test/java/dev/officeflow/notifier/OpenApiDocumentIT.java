package dev.officeflow.notifier;

import dev.officeflow.notifier.testing.NotifierApp;
import dev.officeflow.runtime.testing.OpenApiDocument;
import dev.officeflow.testsupport.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/openapi/notifier.json} is what the service serves at {@code /v3/api-docs}: the
 * tickets ({@code POST /v1/stream-tickets}), the stream ({@code GET /v1/stream}) and the runtime's
 * {@code /internal/consumers}.
 */
@IntegrationTest
class OpenApiDocumentIT {

  @Test
  void theServedDocumentIsTheCheckedInOne() throws Exception {
    try (NotifierApp app = NotifierApp.start(Map.of())) {
      OpenApiDocument.of("notifier", "notifier").assertServedBy(app.baseUrl());
    }
  }
}
