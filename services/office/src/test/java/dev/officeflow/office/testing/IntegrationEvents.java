package dev.officeflow.office.testing;

import dev.officeflow.events.IntegrationEvent;
import dev.officeflow.events.IntegrationStatus;
import dev.officeflow.events.Operation;
import org.jspecify.annotations.Nullable;

/** The user service's integration announcements that tests publish to the office. */
public final class IntegrationEvents {

  private IntegrationEvents() {}

  /** {@code e} disconnected (deleted). */
  public static IntegrationEvent deleted(IntegrationEvent e) {
    return with(e, Operation.DELETE, e.status(), null);
  }

  /** {@code e}'s grant revoked by the user. */
  public static IntegrationEvent revoked(IntegrationEvent e) {
    return with(e, Operation.UPDATE, IntegrationStatus.REVOKED, "revoked by the user");
  }

  private static IntegrationEvent with(
      IntegrationEvent e, Operation operation, IntegrationStatus status, @Nullable String error) {
    return new IntegrationEvent(
        e.metadata(),
        e.userId(),
        operation,
        null,
        e.lastUpdated(),
        e.syncTimestamp(),
        e.provider(),
        e.integrationId(),
        status,
        e.accountEmail(),
        e.scopes(),
        error);
  }
}
