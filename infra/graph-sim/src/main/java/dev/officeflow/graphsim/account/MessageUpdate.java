package dev.officeflow.graphsim.account;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** Changes to a message, as a mail client makes them; null fields stay as they are. */
public record MessageUpdate(
    @Nullable Boolean isRead,
    @Nullable List<String> categories,
    @Nullable Boolean flagged,
    @Nullable String importance,
    @Nullable String subject) {

  public MessageUpdate {
    categories = categories == null ? null : List.copyOf(categories);
    if (importance != null && !List.of("low", "normal", "high").contains(importance)) {
      throw new IllegalArgumentException("importance is low, normal or high: " + importance);
    }
  }

  public static MessageUpdate read(boolean isRead) {
    return new MessageUpdate(isRead, null, null, null, null);
  }

  public static MessageUpdate categories(List<String> categories) {
    return new MessageUpdate(null, categories, null, null, null);
  }
}
