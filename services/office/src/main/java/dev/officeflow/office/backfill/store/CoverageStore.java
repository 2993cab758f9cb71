package dev.officeflow.office.backfill.store;

import dev.officeflow.office.backfill.Coverage;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * The coverage rows of {@code backfill_coverage} (ARCHITECTURE §7, "Incremental windows"): read
 * when a job chooses its next window, dropped when the change feed that kept them current stops.
 * Rows are written with the checkpoints ({@link JobRepository#checkpoint}).
 */
public final class CoverageStore {

  private final DatabaseClient db;

  public CoverageStore(DatabaseClient db) {
    this.db = db;
  }

  /** What of {@code source} is covered for the user. */
  public Mono<Coverage> load(String userId, String provider, String source) {
    return db.sql(
            "SELECT covered_from, covered_to, edge FROM backfill_coverage"
                + " WHERE user_id = :user AND provider = :provider AND source = :source")
        .bind("user", userId)
        .bind("provider", provider)
        .bind("source", source)
        .map(
            row ->
                new Coverage.Interval(
                    Objects.requireNonNull(row.get("covered_from", OffsetDateTime.class))
                        .toInstant(),
                    Objects.requireNonNull(row.get("covered_to", OffsetDateTime.class)).toInstant(),
                    Set.of(Objects.requireNonNull(row.get("edge", String[].class)))))
        .all()
        .collectList()
        .map(Coverage::new);
  }

  /**
   * Drops the user's coverage, of one provider (null: all) and source (null: all); emits the rows
   * dropped.
   */
  public Mono<Long> forget(String userId, @Nullable String provider, @Nullable String source) {
    String sql =
        "DELETE FROM backfill_coverage WHERE user_id = :user"
            + (provider == null ? "" : " AND provider = :provider")
            + (source == null ? "" : " AND source = :source");
    DatabaseClient.GenericExecuteSpec spec = db.sql(sql).bind("user", userId);
    if (provider != null) {
      spec = spec.bind("provider", provider);
    }
    if (source != null) {
      spec = spec.bind("source", source);
    }
    return spec.fetch().rowsUpdated();
  }
}
