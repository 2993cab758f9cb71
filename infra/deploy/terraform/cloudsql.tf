# PostgreSQL: one instance, one database per service (ARCHITECTURE §6; infra/postgres/init.sql
# locally). The services connect through the Cloud SQL Auth Proxy sidecar
# (overlays/gke/cloud-sql-proxy.yaml) as their workload identity, then log in with the
# password in Secret Manager (officeflow-postgres-password, secrets.tf). The instance has a public
# address but no authorized network: only the proxy's IAM-authorized, encrypted connections reach it.
locals {
  database_services = ["user", "office", "contacts"]
}

resource "google_sql_database_instance" "officeflow" {
  project             = var.project
  name                = "officeflow"
  region              = var.region
  database_version    = "POSTGRES_16"
  deletion_protection = true

  settings {
    tier              = var.database_tier
    availability_type = var.database_availability
    edition           = "ENTERPRISE"

    ip_configuration {
      ipv4_enabled = true
      ssl_mode     = "ENCRYPTED_ONLY"
    }

    backup_configuration {
      enabled                        = true
      point_in_time_recovery_enabled = true
    }

    database_flags {
      name  = "max_connections"
      value = "200"
    }
  }

  depends_on = [google_project_service.apis]
}

resource "google_sql_database" "service" {
  for_each = toset(local.database_services)
  project  = var.project
  instance = google_sql_database_instance.officeflow.name
  name     = "officeflow_${each.value}"
}

resource "random_password" "postgres" {
  length  = 32
  special = false
}

resource "google_sql_user" "officeflow" {
  project  = var.project
  instance = google_sql_database_instance.officeflow.name
  name     = "officeflow"
  password = random_password.postgres.result
}

# The proxy authorizes each connection as the pod's Google service account (pubsub.tf).
resource "google_project_iam_member" "database_client" {
  for_each = toset(local.database_services)
  project  = var.project
  role     = "roles/cloudsql.client"
  member   = "serviceAccount:${local.service_accounts[each.value]}"
}
