package dev.officeflow.office.backfill;

import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * A request to backfill a user's account; every null falls back to {@link BackfillSettings}.
 *
 * @param emailDays how many days of mail (1..365)
 * @param calendarDaysBack how many days of past events (0..365)
 * @param calendarDaysAhead how many days of coming events (0..365)
 * @param maxEmails cap on messages (0..the configured maximum)
 * @param maxEvents cap on events (0..the configured maximum)
 */
public record BackfillRequest(
    @Nullable String userId,
    @Nullable String provider,
    @Nullable Integer emailDays,
    @Nullable Integer calendarDaysBack,
    @Nullable Integer calendarDaysAhead,
    @Nullable Integer maxEmails,
    @Nullable Integer maxEvents) {

  /** The provider of a request that names none, as before there were several. */
  public static final String GOOGLE = "google";

  /** A request for {@code userId} with every default. */
  public static BackfillRequest defaults(String userId, String provider) {
    return new BackfillRequest(userId, provider, null, null, null, null, null);
  }

  /**
   * The checked request; {@link IllegalArgumentException} says what is wrong.
   *
   * @param providers the providers this office has an adapter for
   */
  Checked check(BackfillSettings settings, Set<String> providers) {
    if (userId == null || userId.isBlank()) {
      throw new IllegalArgumentException("user_id is required");
    }
    String p = provider == null ? GOOGLE : provider;
    if (!providers.contains(p)) {
      throw new IllegalArgumentException(
          "provider must be one of " + new TreeSet<>(providers) + ", not '" + p + "'");
    }
    return new Checked(
        userId,
        p,
        days(emailDays, settings.emailWindow(), 1, "window.email_days"),
        days(calendarDaysBack, settings.calendarBack(), 0, "window.calendar_days_back"),
        days(calendarDaysAhead, settings.calendarAhead(), 0, "window.calendar_days_ahead"),
        cap(maxEmails, settings.maxItems(), "caps.emails"),
        cap(maxEvents, settings.maxItems(), "caps.events"));
  }

  record Checked(
      String userId,
      String provider,
      Duration emailWindow,
      Duration calendarBack,
      Duration calendarAhead,
      int maxEmails,
      int maxEvents) {}

  private static Duration days(@Nullable Integer value, Duration fallback, int min, String field) {
    if (value == null) {
      return fallback;
    }
    if (value < min || value > 365) {
      throw new IllegalArgumentException(field + " must be between " + min + " and 365");
    }
    return Duration.ofDays(value);
  }

  private static int cap(@Nullable Integer value, int max, String field) {
    if (value == null) {
      return max;
    }
    if (value < 0 || value > max) {
      throw new IllegalArgumentException(field + " must be between 0 and " + max);
    }
    return value;
  }
}
