package dev.officeflow.office;

import dev.officeflow.googlesim.GoogleSim;
import dev.officeflow.office.testing.OfficeInstance;
import dev.officeflow.office.testing.OfficeProperties;
import dev.officeflow.office.testing.TestSims;
import dev.officeflow.runtime.testing.IsolatedCatalog;
import dev.officeflow.runtime.testing.OpenApiDocument;
import dev.officeflow.testsupport.Infrastructure;
import dev.officeflow.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;

/** {@code docs/openapi/office.json} is what the service serves at {@code /v3/api-docs}. */
@IntegrationTest
class OpenApiDocumentIT {

  @Test
  void theServedDocumentIsTheCheckedInOne() {
    try (GoogleSim sim = TestSims.start(TestSims.fastQuota());
        OfficeInstance office =
            OfficeInstance.start(
                OfficeProperties.of(
                    IsolatedCatalog.apply(), Infrastructure.createDatabase("office"), sim))) {
      OpenApiDocument.of("office", "office").assertServedBy("http://127.0.0.1:" + office.port());
    }
  }
}
