package dev.officeflow.vespaloader;

import dev.officeflow.runtime.testing.OpenApiDocument;
import dev.officeflow.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/openapi/vespa-loader.json} is what the service serves at {@code /v3/api-docs}: the
 * search ({@code GET /v1/search}) and the runtime's {@code /internal/consumers}.
 */
@IntegrationTest
class OpenApiDocumentIT {

  @Test
  void theServedDocumentIsTheCheckedInOne() throws Exception {
    try (LoaderApp app = LoaderApp.start()) {
      OpenApiDocument.of("vespa-loader", "vespa-loader")
          .assertServedBy("http://127.0.0.1:" + app.port());
    }
  }
}
