package dev.officeflow.user;

import dev.officeflow.runtime.testing.OpenApiDocument;
import dev.officeflow.testsupport.IntegrationTest;
import dev.officeflow.user.testing.Testbed;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/openapi/user.json} is what the service serves at {@code /v3/api-docs}, under the
 * local profile (its demo login {@code POST /v1/dev/session} is documented too).
 */
@IntegrationTest
class OpenApiDocumentIT {

  @Test
  void theServedDocumentIsTheCheckedInOne() throws Exception {
    try (Testbed testbed = Testbed.start()) {
      OpenApiDocument.of("user", "user").assertServedBy(testbed.service().baseUrl());
    }
  }
}
