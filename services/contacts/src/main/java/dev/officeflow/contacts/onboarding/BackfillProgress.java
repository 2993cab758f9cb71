package dev.officeflow.contacts.onboarding;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * How far the user's backfill has come.
 *
 * @param state {@code not_connected}, {@code running} or {@code done}
 * @param itemsProcessed messages and meetings processed so far
 * @param itemsTotal how many the backfill will bring, when the source knows it
 * @param lastActivity when the last item arrived
 * @param source where the figures come from ({@code contacts}: what this service saw itself)
 */
public record BackfillProgress(
    String state,
    long itemsProcessed,
    @Nullable Long itemsTotal,
    @Nullable Instant lastActivity,
    String source) {

  public static final String NOT_CONNECTED = "not_connected";
  public static final String RUNNING = "running";
  public static final String DONE = "done";
}
