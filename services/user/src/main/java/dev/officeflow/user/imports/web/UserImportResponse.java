package dev.officeflow.user.imports.web;

import dev.officeflow.user.imports.ImportReport;
import java.util.List;

/**
 * What an import did: {@code user} and each integration's {@code result} are {@code created},
 * {@code unchanged} (there already, as imported) or {@code kept} (there with other data, left as it
 * is); {@code changed} is false for a repeated import.
 */
record UserImportResponse(
    String userId, String user, boolean changed, List<IntegrationOutcome> integrations) {

  /** One integration's result, and whether its creation was announced. */
  record IntegrationOutcome(
      String provider, String integrationId, String result, boolean announced) {}

  static UserImportResponse of(ImportReport report) {
    return new UserImportResponse(
        report.userId(),
        report.user().wire(),
        report.changed(),
        report.integrations().stream()
            .map(
                i ->
                    new IntegrationOutcome(
                        i.provider(), i.integrationId(), i.result().wire(), i.announced()))
            .toList());
  }
}
