package dev.officeflow.user.integration.store;

import dev.officeflow.events.IntegrationStatus;
import dev.officeflow.user.integration.Integration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import reactor.core.publisher.Mono;

/** The {@code integration_audit} table: one row per change of an integration, with the reason. */
public class AuditLog {

  private final DatabaseClient db;

  public AuditLog(DatabaseClient db) {
    this.db = db;
  }

  public Mono<Void> record(
      Integration integration,
      String action,
      @Nullable IntegrationStatus before,
      @Nullable IntegrationStatus after,
      @Nullable String detail,
      Instant at) {
    return db.sql(
            """
            INSERT INTO integration_audit (user_id, integration_id, provider, action, old_status,
                new_status, detail, at)
            VALUES (:user, :integration, :provider, :action, :old, :new, :detail, :at)
            """)
        .bind("user", integration.userId())
        .bind("integration", integration.id())
        .bind("provider", integration.provider())
        .bind("action", action)
        .bind("old", Parameter.fromOrEmpty(before == null ? null : before.wire(), String.class))
        .bind("new", Parameter.fromOrEmpty(after == null ? null : after.wire(), String.class))
        .bind("detail", Parameter.fromOrEmpty(detail, String.class))
        .bind("at", IntegrationStore.at(at))
        .then();
  }
}
