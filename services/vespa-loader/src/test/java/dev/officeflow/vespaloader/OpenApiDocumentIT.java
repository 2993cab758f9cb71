package dev.officeflow.vespaloader;

import dev.officeflow.runtime.testing.OpenApiDocument;
import dev.officeflow.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/openapi/vespa-loader.json} is what the service serves at {@code /v3/api-docs}: only
 * the runtime's {@code /internal/consumers}, the loader's one HTTP API.
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
