# The cluster, the registry its images come from, and the Ingress's address.

# Autopilot: workload identity (the services' Google identities, pubsub.tf) and Dataplane V2
# (NetworkPolicy, overlays/gke/network-policy.yaml) are always on; nodes follow the pods'
# requests (base/<service>.yaml).
resource "google_container_cluster" "officeflow" {
  project             = var.project
  name                = var.cluster_name
  location            = var.region
  enable_autopilot    = true
  deletion_protection = true

  release_channel {
    channel = "REGULAR"
  }

  depends_on = [google_project_service.apis]
}

resource "google_artifact_registry_repository" "officeflow" {
  project       = var.project
  location      = var.region
  repository_id = "officeflow"
  format        = "DOCKER"
  description   = "officeflow's images: one per module (docker/java-app.Dockerfile)."

  depends_on = [google_project_service.apis]
}

# Autopilot's nodes pull as the project's default compute service account.
resource "google_artifact_registry_repository_iam_member" "nodes_pull" {
  project    = var.project
  location   = google_artifact_registry_repository.officeflow.location
  repository = google_artifact_registry_repository.officeflow.name
  role       = "roles/artifactregistry.reader"
  member     = "serviceAccount:${data.google_project.this.number}-compute@developer.gserviceaccount.com"
}

# The Ingress's global address (overlays/gke/ingress.yaml names it).
resource "google_compute_global_address" "ingress" {
  project = var.project
  name    = "officeflow"

  depends_on = [google_project_service.apis]
}

# The Custom Metrics Stackdriver Adapter reads the Pub/Sub backlog from Cloud Monitoring for the
# HorizontalPodAutoscalers (overlays/gke/hpa-backlog-*.yaml) as this account.
resource "google_service_account" "metrics_adapter" {
  project      = var.project
  account_id   = "officeflow-metrics-adapter"
  display_name = "officeflow custom metrics adapter"
}

resource "google_service_account_iam_member" "metrics_adapter_workload_identity" {
  service_account_id = google_service_account.metrics_adapter.name
  role               = "roles/iam.workloadIdentityUser"
  member             = "serviceAccount:${var.project}.svc.id.goog[custom-metrics/custom-metrics-stackdriver-adapter]"
}

resource "google_project_iam_member" "metrics_adapter_reads_monitoring" {
  project = var.project
  role    = "roles/monitoring.viewer"
  member  = "serviceAccount:${google_service_account.metrics_adapter.email}"
}
