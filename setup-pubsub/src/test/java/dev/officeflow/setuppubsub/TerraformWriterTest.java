package dev.officeflow.setuppubsub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.officeflow.events.catalog.Catalog;
import dev.officeflow.events.catalog.SubscriptionSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalog as Terraform: exactly its resources, their policies and IAM, fmt-clean. */
class TerraformWriterTest {

  private static final Pattern RESOURCE_NAME =
      Pattern.compile(
          "resource \"(google_pubsub_topic|google_pubsub_subscription)\" \"\\w+\" \\{\\n"
              + "  project\\s+= var\\.project\\n  name\\s+= \"([^\"]+)\"");

  private final String terraform =
      TerraformWriter.write(DesiredState.fromCatalog(""), "demo-project", "");

  @Test
  void itNamesExactlyTheCatalogsTopics() {
    assertThat(names("google_pubsub_topic"))
        .containsExactlyInAnyOrderElementsOf(Catalog.allTopics());
  }

  @Test
  void itNamesExactlyTheCatalogsSubscriptionsAndTheirDeadLetterSinks() {
    List<String> expected =
        Catalog.subscriptions().stream()
            .flatMap(s -> List.of(s.name(), s.deadLetterSubscription()).stream())
            .toList();

    assertThat(names("google_pubsub_subscription")).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void aSubscriptionDeadLettersToItsTopicAfterTheCatalogsAttempts() {
    SubscriptionSpec spec = Catalog.subscription(Catalog.CONTACTS_SERVICE, "emails");

    assertThat(block("google_pubsub_subscription", spec.name()))
        .contains("ack_deadline_seconds = " + spec.ackDeadline().toSeconds())
        .contains("dead_letter_topic     = google_pubsub_topic.contacts_emails_dead_letter.id")
        .contains("max_delivery_attempts = " + spec.maxDeliveryAttempts())
        .contains("minimum_backoff = \"1s\"");
  }

  @Test
  void aDeadLetterSinkKeepsItsMessagesThirtyOneDaysAndAnEventSubscriptionThePubSubDefault() {
    SubscriptionSpec spec = Catalog.subscription(Catalog.CONTACTS_SERVICE, "emails");

    assertThat(block("google_pubsub_subscription", spec.deadLetterSubscription()))
        .contains("message_retention_duration = \"2678400s\"");
    assertThat(block("google_pubsub_subscription", spec.name()))
        .doesNotContain("message_retention_duration");
  }

  @Test
  void everyDeadLetterSinkHasAnAlertOnItsUndeliveredMessages() {
    for (SubscriptionSpec spec : Catalog.subscriptions()) {
      String id = TerraformWriter.id(spec.deadLetterSubscription());
      assertThat(terraform)
          .contains("resource \"google_monitoring_alert_policy\" \"" + id + "_not_empty\" {")
          .contains(
              "resource.labels.subscription_id = \\\""
                  + spec.deadLetterSubscription()
                  + "\\\" AND metric.type ="
                  + " \\\"pubsub.googleapis.com/subscription/num_undelivered_messages\\\"");
    }
    assertThat(terraform).contains("notification_channels = var.dead_letter_alert_channels");
  }

  @Test
  void eachServiceMayReadTheDeadLetterSinksOfItsOwnSubscriptions() {
    for (SubscriptionSpec spec : Catalog.subscriptions()) {
      String account = TerraformWriter.id(spec.consumer());
      assertThat(terraform)
          .contains(
              "\""
                  + account
                  + "_reads_"
                  + TerraformWriter.id(spec.deadLetterSubscription())
                  + "\"");
    }
  }

  @Test
  void thePubSubServiceAgentMayDeadLetterEverySubscription() {
    for (SubscriptionSpec spec : Catalog.subscriptions()) {
      String id = TerraformWriter.id(spec.name());
      assertThat(terraform)
          .contains("\"" + TerraformWriter.id(spec.deadLetterTopic()) + "_agent_publishes\"")
          .contains("\"" + id + "_agent_subscribes\"");
    }
  }

  @Test
  void gmailMayPublishOnTheGmailPushTopic() {
    assertThat(terraform)
        .contains("member  = \"serviceAccount:gmail-api-push@system.gserviceaccount.com\"")
        .contains("topic   = google_pubsub_topic.gmail_push.name");
  }

  @Test
  void eachServiceReadsOnlyItsSubscriptionsAndPublishesOnlyItsTopics() {
    assertThat(terraform)
        .contains(
            "resource \"google_pubsub_subscription_iam_member\" \"vespa_loader_reads_vespa_loader_emails\"")
        .contains("resource \"google_pubsub_topic_iam_member\" \"office_publishes_emails\"")
        .contains("resource \"google_pubsub_topic_iam_member\" \"user_publishes_users\"")
        .contains("resource \"google_pubsub_topic_iam_member\" \"office_publishes_contacts\"")
        .contains("resource \"google_pubsub_topic_iam_member\" \"contacts_publishes_contacts\"")
        .contains("resource \"google_pubsub_topic_iam_member\" \"office_publishes_progress\"")
        .contains("resource \"google_pubsub_subscription_iam_member\" \"user_reads_user_progress\"")
        .doesNotContain("vespa_loader_publishes")
        .doesNotContain("user_publishes_progress")
        .doesNotContain("user_reads_contacts_progress");
    assertThat(count("_workload_identity\"")).isEqualTo(Catalog.services().size());
  }

  @Test
  void eachServicePublishesOnTheDeadLetterTopicsOfExactlyItsSubscriptions() {
    for (SubscriptionSpec spec : Catalog.subscriptions()) {
      String account = TerraformWriter.id(spec.consumer());
      String topic = TerraformWriter.id(spec.deadLetterTopic());
      assertThat(terraform)
          .contains(
              "resource \"google_pubsub_topic_iam_member\" \""
                  + account
                  + "_dead_letters_"
                  + topic
                  + "\" {\n  project = var.project\n  topic   = google_pubsub_topic."
                  + topic
                  + ".name\n  role    = \"roles/pubsub.publisher\"\n  member  ="
                  + " \"serviceAccount:${google_service_account."
                  + account
                  + ".email}\"");
    }
    assertThat(count("_dead_letters_")).isEqualTo(Catalog.subscriptions().size());
  }

  @Test
  void withTheLegacyGroupTheBridgeReadsItsTopicsAndPublishesTypedEvents() {
    String legacy =
        TerraformWriter.write(
            DesiredState.fromCatalog("", Catalog.DEAD_LETTER_RETENTION, true),
            "demo-project",
            "",
            List.of(Catalog.Group.CORE, Catalog.Group.LEGACY));

    assertThat(legacy)
        .contains("resource \"google_pubsub_topic\" \"email_backfill\"")
        .contains("resource \"google_service_account\" \"legacy_bridge\"")
        .contains("resource \"google_pubsub_topic_iam_member\" \"legacy_bridge_publishes_emails\"")
        .contains(
            "resource \"google_pubsub_subscription_iam_member\""
                + " \"legacy_bridge_reads_legacy_bridge_email_backfill\"")
        .doesNotContain("legacy_bridge_publishes_email_backfill");
    assertThat(terraform).doesNotContain("email_backfill").doesNotContain("legacy_bridge");
  }

  @Test
  void theBridgeIsGrantedOnlyTheMirrorsSubscriptionsThatAreWritten() {
    List<Catalog.Group> groups =
        List.of(Catalog.Group.CORE, Catalog.Group.LEGACY, Catalog.Group.LEGACY_MIRROR);
    String mirror =
        TerraformWriter.write(
            DesiredState.fromCatalog("", Catalog.DEAD_LETTER_RETENTION, groups),
            "demo-project",
            "",
            groups);
    String legacy =
        TerraformWriter.write(
            DesiredState.fromCatalog("", Catalog.DEAD_LETTER_RETENTION, true),
            "demo-project",
            "",
            List.of(Catalog.Group.CORE, Catalog.Group.LEGACY));

    assertThat(mirror)
        .contains("resource \"google_pubsub_subscription\" \"legacy_mirror_emails\"")
        .contains(
            "resource \"google_pubsub_subscription_iam_member\""
                + " \"legacy_bridge_reads_legacy_mirror_contacts\"")
        .contains(
            "resource \"google_pubsub_topic_iam_member\""
                + " \"legacy_bridge_publishes_email_updates\"")
        .contains(
            "resource \"google_pubsub_topic_iam_member\""
                + " \"legacy_bridge_publishes_email_backfill\"");
    assertThat(count(mirror, "resource \"google_service_account\" \"legacy_bridge\"")).isEqualTo(1);
    assertThat(legacy).doesNotContain("legacy_mirror").doesNotContain("publishes_email_updates");
  }

  @Test
  void aPrefixRenamesEveryResource() {
    String prefixed = TerraformWriter.write(DesiredState.fromCatalog("t1-"), "demo-project", "t1-");

    assertThat(prefixed).contains("name    = \"t1-emails\"").doesNotContain("name    = \"emails\"");
    assertThat(prefixed).contains("google_pubsub_topic.t1_gmail_push.name");
  }

  @Test
  void theOutputIsTerraformFmtClean(@TempDir Path dir) throws IOException, InterruptedException {
    Path file = dir.resolve("pubsub.tf");
    Files.writeString(file, terraform, StandardCharsets.UTF_8);
    Process fmt;
    try {
      fmt =
          new ProcessBuilder("terraform", "fmt", "-check", "-diff", dir.toString())
              .redirectErrorStream(true)
              .start();
    } catch (IOException notInstalled) {
      // terraform is optional on these machines (no provider can be downloaded either): say so
      // and check the rest; the layout rules are the writer's own (TerraformWriter.aligned).
      System.out.println("terraform is not installed: fmt -check skipped");
      assertThat(terraform).doesNotContain("\t").endsWith("}\n\n");
      return;
    }
    assertThat(fmt.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String output = new String(fmt.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(fmt.exitValue()).as(output).isZero();
  }

  private List<String> names(String type) {
    Matcher m = RESOURCE_NAME.matcher(terraform);
    List<String> names = new java.util.ArrayList<>();
    while (m.find()) {
      if (m.group(1).equals(type)) {
        names.add(m.group(2));
      }
    }
    return names;
  }

  private String block(String type, String name) {
    int at = terraform.indexOf("resource \"" + type + "\" \"" + TerraformWriter.id(name) + "\" {");
    return terraform.substring(at, terraform.indexOf("\n}\n", at));
  }

  private long count(String text) {
    return count(terraform, text);
  }

  private static long count(String in, String text) {
    return in.split(Pattern.quote(text), -1).length - 1;
  }
}
