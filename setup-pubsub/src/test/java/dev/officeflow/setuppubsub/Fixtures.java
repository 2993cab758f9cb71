package dev.officeflow.setuppubsub;

import dev.officeflow.events.catalog.SubscriptionSpec;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/** Small catalogs and settings for the unit tests. */
final class Fixtures {

  static final SubscriptionSpec CONTACTS_EMAILS =
      new SubscriptionSpec(
          "contacts-emails",
          "emails",
          "contacts",
          Duration.ofSeconds(30),
          Duration.ofSeconds(1),
          Duration.ofSeconds(60),
          5);

  static final SubscriptionSpec VESPA_LOADER_EMAILS =
      new SubscriptionSpec(
          "vespa-loader-emails",
          "emails",
          "vespa-loader",
          Duration.ofSeconds(30),
          Duration.ofSeconds(1),
          Duration.ofSeconds(60),
          5);

  private Fixtures() {}

  /** One topic with two subscriptions: 3 topics and 4 subscriptions with dead-letter ones. */
  static DesiredState smallCatalog(String prefix) {
    return DesiredState.of(
        List.of("emails", "contacts-emails-dead-letter", "vespa-loader-emails-dead-letter"),
        List.of(CONTACTS_EMAILS, VESPA_LOADER_EMAILS),
        prefix);
  }

  static SubscriptionSettings contactsEmails() {
    return SubscriptionSettings.of(CONTACTS_EMAILS);
  }

  /** A PrintStream whose text {@link Captured#text()} returns. */
  static Captured capture() {
    return new Captured(new ByteArrayOutputStream());
  }

  record Captured(ByteArrayOutputStream bytes) {
    PrintStream stream() {
      return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    String text() {
      return bytes.toString(StandardCharsets.UTF_8);
    }
  }
}
