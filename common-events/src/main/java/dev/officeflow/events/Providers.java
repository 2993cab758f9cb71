package dev.officeflow.events;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * officeflow's provider names. The reference services also write a product's name ({@code gmail},
 * {@code outlook}) where officeflow writes the provider's ({@code google}, {@code microsoft}):
 * readers map them, so that the same item named both ways has one idempotency key and is counted
 * once.
 */
public final class Providers {

  public static final String GOOGLE = "google";
  public static final String MICROSOFT = "microsoft";

  private Providers() {}

  /** The provider's canonical name; a name officeflow does not know stays as it is, trimmed. */
  public static @Nullable String canonical(@Nullable String provider) {
    if (provider == null) {
      return null;
    }
    String name = provider.trim().toLowerCase(Locale.ROOT);
    return switch (name) {
      case "google", "gmail", "googlemail", "google_calendar", "gcal" -> GOOGLE;
      case "microsoft", "outlook", "office365", "o365", "microsoft365", "m365", "exchange" ->
          MICROSOFT;
      default -> provider.trim();
    };
  }
}
