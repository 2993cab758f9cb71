package dev.officeflow.office.backfill.web;

import dev.officeflow.office.backfill.BackfillRequest;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /internal/backfill/start}: {@code {"user_id", "provider", "window":
 * {"email_days", "calendar_days_back", "calendar_days_ahead"}, "caps": {"emails", "events"}}};
 * everything but {@code user_id} is optional.
 */
record StartRequest(
    @Nullable String userId,
    @Nullable String provider,
    @Nullable Window window,
    @Nullable Caps caps) {

  /** Named apart from the job's window in the OpenAPI document, where names are simple names. */
  @Schema(name = "StartWindow")
  record Window(
      @Nullable Integer emailDays,
      @Nullable Integer calendarDaysBack,
      @Nullable Integer calendarDaysAhead) {}

  @Schema(name = "StartCaps")
  record Caps(@Nullable Integer emails, @Nullable Integer events) {}

  BackfillRequest toRequest() {
    Window w = window == null ? new Window(null, null, null) : window;
    Caps c = caps == null ? new Caps(null, null) : caps;
    return new BackfillRequest(
        userId,
        provider,
        w.emailDays(),
        w.calendarDaysBack(),
        w.calendarDaysAhead(),
        c.emails(),
        c.events());
  }
}
