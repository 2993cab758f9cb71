package dev.officeflow.setuppubsub;

import dev.officeflow.events.catalog.Catalog;
import dev.officeflow.events.catalog.Topics;
import java.util.ArrayList;
import java.util.List;

/**
 * The IAM bindings dead-lettering needs on a real project, as {@code gcloud} commands: the Pub/Sub
 * service agent must publish to each dead-letter topic and subscribe to each source subscription,
 * or Pub/Sub keeps redelivering instead of dead-lettering. The emulator needs none of this.
 *
 * <p>The commands look the project number up themselves rather than this tool calling the Resource
 * Manager API, which would need one more client and one more permission.
 */
final class IamAdvice {

  private IamAdvice() {}

  static List<String> commands(String project, DesiredState desired) {
    String member =
        "serviceAccount:service-${PROJECT_NUMBER}@gcp-sa-pubsub.iam.gserviceaccount.com";
    List<String> lines = new ArrayList<>();
    lines.add(
        "# Dead-lettering needs these IAM bindings for the Pub/Sub service agent"
            + " (run once; PROJECT_NUMBER is the project's number, not its id):");
    lines.add(
        "PROJECT_NUMBER=$(gcloud projects describe "
            + project
            + " --format='value(projectNumber)')");
    for (SubscriptionSettings subscription : desired.deadLetteringSubscriptions()) {
      String deadLetterTopic = subscription.deadLetter().orElseThrow().topic();
      lines.add(binding("topics", deadLetterTopic, project, member, "roles/pubsub.publisher"));
      lines.add(
          binding(
              "subscriptions", subscription.name(), project, member, "roles/pubsub.subscriber"));
    }
    lines.add(
        "# Gmail's users.watch publishes mailbox changes to gmail-push as this Google account:");
    lines.add(
        binding(
            "topics",
            desired.topics().stream()
                .filter(t -> t.endsWith(Topics.GMAIL_PUSH))
                .findFirst()
                .orElse(Topics.GMAIL_PUSH),
            project,
            "serviceAccount:" + Catalog.GMAIL_PUSH_PUBLISHER,
            "roles/pubsub.publisher"));
    lines.add("# Or all of it, service accounts included, as Terraform: --emit terraform");
    return lines;
  }

  private static String binding(
      String collection, String resource, String project, String member, String role) {
    return "gcloud pubsub "
        + collection
        + " add-iam-policy-binding "
        + resource
        + " --project="
        + project
        + " --member=\""
        + member
        + "\" --role="
        + role;
  }
}
