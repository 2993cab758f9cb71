package dev.officeflow.office.providers.microsoft;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** One page of a Graph collection; {@code nextLink} null on the last. */
public record GraphPage<T>(List<T> items, @Nullable String nextLink) {

  public GraphPage {
    items = List.copyOf(items);
  }

  /** What an answer without a body stands for: nothing more to read. */
  public static <T> GraphPage<T> last() {
    return new GraphPage<>(List.of(), null);
  }
}
