# The services' Google service accounts, created by pubsub.tf (generated from the catalog:
# officeflow-<service>, bound to the Kubernetes service account <namespace>/<service>), by name
# for the hand-written files. On GKE the services also call each other as these accounts (Google ID
# tokens): the overlay accepts officeflow-<service>@<serviceAccountDomain>, the same names
# (overlays/gke/service-credentials.yaml); the workload identity binding lets a pod get them.
locals {
  service_accounts = {
    "user"         = google_service_account.user.email
    "office"       = google_service_account.office.email
    "contacts"     = google_service_account.contacts.email
    "vespa-loader" = google_service_account.vespa_loader.email
    "notifier"     = google_service_account.notifier.email
  }
}
