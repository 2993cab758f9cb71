# The setup-pubsub Job (base/setup-pubsub.yaml) runs --verify: it reads the topics and
# subscriptions and changes nothing, so its account may only view Pub/Sub.
resource "google_service_account" "setup_pubsub" {
  project      = var.project
  account_id   = "officeflow-setup-pubsub"
  display_name = "officeflow setup-pubsub (verify)"
}

resource "google_service_account_iam_member" "setup_pubsub_workload_identity" {
  service_account_id = google_service_account.setup_pubsub.name
  role               = "roles/iam.workloadIdentityUser"
  member             = "serviceAccount:${var.project}.svc.id.goog[${var.namespace}/setup-pubsub]"
}

resource "google_project_iam_member" "setup_pubsub_views_pubsub" {
  project = var.project
  role    = "roles/pubsub.viewer"
  member  = "serviceAccount:${google_service_account.setup_pubsub.email}"
}
