package dev.officeflow.office.backfill.store;

import dev.officeflow.office.backfill.BackfillJob;
import dev.officeflow.office.backfill.Checkpoint;
import dev.officeflow.office.backfill.JobStatus;
import dev.officeflow.office.backfill.Phase;
import dev.officeflow.office.backfill.Window;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Rows of {@code backfill_jobs} to {@link BackfillJob}s and progress to bind parameters. */
final class JobRows {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final TypeReference<Map<String, String>> SOURCES = new TypeReference<>() {};

  private JobRows() {}

  static BackfillJob job(Readable row) {
    return new BackfillJob(
        Objects.requireNonNull(row.get("id", UUID.class)),
        text(row, "user_id"),
        text(row, "provider"),
        JobStatus.fromWire(text(row, "status")),
        instant(row, "email_after"),
        instant(row, "calendar_from"),
        instant(row, "calendar_to"),
        number(row, "max_emails").intValue(),
        number(row, "max_events").intValue(),
        number(row, "fetched").longValue(),
        number(row, "published").longValue(),
        number(row, "skipped").longValue(),
        number(row, "failed").longValue(),
        number(row, "gmail_estimate").longValue(),
        number(row, "calendar_estimate").longValue(),
        new Checkpoint(
            Phase.fromWire(text(row, "phase")),
            row.get("page_token", String.class),
            row.get("last_item", String.class),
            number(row, "phase_items").intValue(),
            window(row)),
        JSON.readValue(text(row, "skipped_sources"), SOURCES),
        number(row, "attempts").intValue(),
        number(row, "runs").intValue(),
        row.get("error", String.class),
        instant(row, "next_run_at"),
        row.get("lease_owner", String.class),
        optionalInstant(row, "lease_expires_at"),
        instant(row, "created_at"),
        optionalInstant(row, "started_at"),
        instant(row, "updated_at"),
        optionalInstant(row, "finished_at"),
        row.get("traceparent", String.class));
  }

  static GenericExecuteSpec bindProgress(GenericExecuteSpec spec, Progress p) {
    Checkpoint c = p.checkpoint();
    GenericExecuteSpec bound =
        spec.bind("phase", c.phase().wire())
            .bind("phaseItems", c.phaseItems())
            .bind("fetched", p.fetched())
            .bind("published", p.published())
            .bind("skipped", p.skipped())
            .bind("failed", p.failed())
            .bind("mailEstimate", p.mailEstimate())
            .bind("calendarEstimate", p.calendarEstimate())
            .bind("skippedSources", JSON.writeValueAsString(p.skippedSources()))
            .bind("progressed", p.progressed());
    bound =
        p.mailHistoryId() == null
            ? bound.bindNull("mailHistoryId", Long.class)
            : bound.bind("mailHistoryId", p.mailHistoryId());
    Window w = c.window();
    bound =
        w == null
            ? bound
                .bindNull("windowFrom", OffsetDateTime.class)
                .bindNull("windowTo", OffsetDateTime.class)
                .bindNull("windowOpen", Boolean.class)
            : bound
                .bind("windowFrom", JobRepository.time(w.from()))
                .bind("windowTo", JobRepository.time(w.to()))
                .bind("windowOpen", w.openTop());
    bound = JobRepository.nullable(bound, "pageToken", c.pageToken());
    return JobRepository.nullable(bound, "lastItem", c.lastItem());
  }

  private static @Nullable Window window(Readable row) {
    Instant from = optionalInstant(row, "window_from");
    Instant to = optionalInstant(row, "window_to");
    return from == null || to == null
        ? null
        : new Window(from, to, Boolean.TRUE.equals(row.get("window_open", Boolean.class)));
  }

  private static String text(Readable row, String column) {
    return Objects.requireNonNull(row.get(column, String.class), column);
  }

  private static Number number(Readable row, String column) {
    return Objects.requireNonNull(row.get(column, Number.class), column);
  }

  private static Instant instant(Readable row, String column) {
    return Objects.requireNonNull(optionalInstant(row, column), column);
  }

  private static @Nullable Instant optionalInstant(Readable row, String column) {
    OffsetDateTime value = row.get(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
