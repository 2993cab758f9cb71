package dev.officeflow.user.imports;

import java.util.List;
import java.util.Locale;

/**
 * What an import did: for the user and for each integration, whether it was created or found as it
 * is already ({@code unchanged}); an integration the service holds with other data (refreshed
 * tokens, a later status) is {@code kept}, never overwritten.
 */
public record ImportReport(String userId, Result user, List<IntegrationResult> integrations) {

  /** The outcome for one record. */
  public enum Result {
    CREATED,
    UNCHANGED,
    KEPT;

    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** One integration's outcome, and whether its creation was announced on {@code integrations}. */
  public record IntegrationResult(
      String provider, String integrationId, Result result, boolean announced) {}

  public ImportReport {
    integrations = List.copyOf(integrations);
  }

  /** Whether the import changed anything: false for a repeated import. */
  public boolean changed() {
    return user == Result.CREATED
        || integrations.stream().anyMatch(i -> i.result() == Result.CREATED);
  }
}
