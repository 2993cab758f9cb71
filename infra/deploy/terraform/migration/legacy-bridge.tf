# The legacy bridge's grants that pubsub.tf does not make: its secrets (pubsub.tf --legacy grants
# its topics, subscriptions and dead-letter topics; infra/deploy/README.md, "The legacy bridge"). Only during a migration from the reference services: copy this file beside pubsub.tf
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
