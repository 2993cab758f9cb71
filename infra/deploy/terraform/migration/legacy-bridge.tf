# The legacy bridge's grants that pubsub.tf does not make (infra/deploy/README.md, "The legacy
# bridge"). Only during a migration from the reference services: copy this file beside pubsub.tf
# once pubsub.tf is generated with --legacy (which creates google_service_account.legacy_bridge),
# and delete the copy before generating pubsub.tf without --legacy again.
#   cp migration/legacy-bridge.tf legacy-bridge.tf

# The secrets its External Secrets store reads (components/legacy-bridge-gke/secrets.yaml; a test
# compares them), as secrets.tf grants the five services theirs.
resource "google_secret_manager_secret_iam_member" "legacy_bridge_reader" {
  for_each  = toset(["officeflow-operator-token", "officeflow-redis-url"])
  project   = var.project
  secret_id = google_secret_manager_secret.officeflow[each.key].secret_id
  role      = "roles/secretmanager.secretAccessor"
  member    = "serviceAccount:${google_service_account.legacy_bridge.email}"
}

# The bridge publishes on its own dead-letter topics: a refused item of a batch, alone, with its
# reason and position (services/legacy-bridge, ItemDeadLetters), and services-common's runtime a
# whole message it refuses, with error_reason. Without this, the publish is refused, the batch is
# redelivered until Pub/Sub's own dead-lettering takes it whole after five attempts, reason lost.
resource "google_pubsub_topic_iam_member" "legacy_bridge_publishes_dead_letters" {
  for_each = toset([
    "legacy-bridge-email-backfill-dead-letter",
    "legacy-bridge-email-updates-dead-letter",
    "legacy-bridge-calendar-updates-dead-letter",
    "legacy-bridge-contact-updates-dead-letter",
  ])
  project = var.project
  topic   = each.key
  role    = "roles/pubsub.publisher"
  member  = "serviceAccount:${google_service_account.legacy_bridge.email}"

  depends_on = [
    google_pubsub_topic.legacy_bridge_email_backfill_dead_letter,
    google_pubsub_topic.legacy_bridge_email_updates_dead_letter,
    google_pubsub_topic.legacy_bridge_calendar_updates_dead_letter,
    google_pubsub_topic.legacy_bridge_contact_updates_dead_letter,
  ]
}
