package dev.officeflow.simkit.mailbox;

import dev.officeflow.simkit.mailbox.ThreadPlanner.Category;
import dev.officeflow.simkit.mailbox.ThreadPlanner.Step;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The system labels a generated message carries, as Gmail would have set them; other providers read
 * their own state from them (INBOX or SENT is the folder, UNREAD the read flag).
 */
final class Labels {

  private Labels() {}

  static List<String> of(
      Category category, Step step, Instant time, Instant anchor, SplittableRandom random) {
    List<String> labels = new ArrayList<>();
    if (step.outbound()) {
      labels.add("SENT");
      return labels;
    }
    labels.add("INBOX");
    boolean fresh = Duration.between(time, anchor).toDays() < 3;
    double unread =
        category == Category.LIST || category == Category.NO_REPLY ? 0.5 : fresh ? 0.6 : 0.05;
    if (random.nextDouble() < unread) {
      labels.add("UNREAD");
    }
    labels.add(category(category, step));
    if (step.from().isClose()) {
      labels.add("IMPORTANT");
      if (random.nextDouble() < 0.05) {
        labels.add("STARRED");
      }
    }
    return labels;
  }

  private static String category(Category category, Step step) {
    return switch (category) {
      case LIST -> "CATEGORY_FORUMS";
      case NO_REPLY ->
          step.from().displayName().contains("Deals")
                  || step.from().displayName().contains("Newsletter")
                  || step.from().displayName().contains("Travel")
              ? "CATEGORY_PROMOTIONS"
              : "CATEGORY_UPDATES";
      default -> "CATEGORY_PERSONAL";
    };
  }
}
