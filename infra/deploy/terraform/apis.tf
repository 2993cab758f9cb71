# The APIs the resources and the services use. Apply these first on a new project
# (terraform apply -target=google_project_service.apis): enabling Pub/Sub creates the service
# agent that pubsub.tf's dead-letter bindings name.
resource "google_project_service" "apis" {
  for_each = toset([
    "artifactregistry.googleapis.com",
    "calendar-json.googleapis.com",
    "compute.googleapis.com",
    "container.googleapis.com",
    "gmail.googleapis.com",
    "iamcredentials.googleapis.com",
    "monitoring.googleapis.com",
    "pubsub.googleapis.com",
    "redis.googleapis.com",
    "secretmanager.googleapis.com",
    "sqladmin.googleapis.com",
  ])
  project            = var.project
  service            = each.value
  disable_on_destroy = false
}
