# Secret Manager: every secret the services read, and who may read it. The manifests reference
# them and never hold a value: each service's External Secrets store authenticates as the
# service's own account (overlays/gke/secret-stores.yaml), so a service reads exactly the secrets
# listed for it here, into its Secret <service>-secrets (overlays/gke/external-secrets.yaml).
#
# Terraform writes the versions it can know (the database password, Redis's URL, the search
# cursors' signing key); add the others once, before the first deployment (README.md beside this
# file, "Secrets"):
#   printf %s "$VALUE" | gcloud secrets versions add <secret> --data-file=-
locals {
  # secret => the services that read it. A test checks this against the ExternalSecrets.
  secrets = {
    "officeflow-operator-token"          = ["user", "office", "contacts", "vespa-loader", "notifier"]
    "officeflow-postgres-password"       = ["user", "office", "contacts"]
    "officeflow-redis-url"               = ["user", "office", "contacts", "vespa-loader", "notifier"]
    "officeflow-google-client-id"        = ["user"]
    "officeflow-google-client-secret"    = ["user"]
    "officeflow-user-jwt-key-k1"         = ["user"]
    "officeflow-token-encryption-key-k1" = ["user"]
    "officeflow-contacts-hash-key"       = ["contacts"]
    "officeflow-contacts-address-key-k1" = ["contacts"]
    "officeflow-search-cursor-key"       = ["vespa-loader"]
  }

  secret_readers = merge([
    for secret, services in local.secrets : {
      for service in services : "${secret}/${service}" => { secret = secret, service = service }
    }
  ]...)
}

resource "google_secret_manager_secret" "officeflow" {
  for_each  = local.secrets
  project   = var.project
  secret_id = each.key

  replication {
    auto {}
  }

  depends_on = [google_project_service.apis]
}

resource "google_secret_manager_secret_iam_member" "reader" {
  for_each  = local.secret_readers
  project   = var.project
  secret_id = google_secret_manager_secret.officeflow[each.value.secret].secret_id
  role      = "roles/secretmanager.secretAccessor"
  member    = "serviceAccount:${local.service_accounts[each.value.service]}"
}

# The values Terraform knows. They are in Terraform's state too: keep the state in a bucket
# only the deployers can read.
resource "google_secret_manager_secret_version" "postgres_password" {
  secret      = google_secret_manager_secret.officeflow["officeflow-postgres-password"].id
  secret_data = random_password.postgres.result
}

resource "google_secret_manager_secret_version" "redis_url" {
  secret      = google_secret_manager_secret.officeflow["officeflow-redis-url"].id
  secret_data = "redis://${google_redis_instance.officeflow.auth_string}@${google_redis_instance.officeflow.host}:${google_redis_instance.officeflow.port}"
}

# Signs GET /v1/search's cursors (vespa-loader, SEARCH_CURSOR_KEY): random, the same on every
# instance. A new one (terraform apply -replace=random_password.search_cursor_key, then restart
# vespa-loader) only makes the cursors handed out in the last hour invalid (400): nothing is kept
# under it.
resource "random_password" "search_cursor_key" {
  length  = 64
  special = false
}

resource "google_secret_manager_secret_version" "search_cursor_key" {
  secret      = google_secret_manager_secret.officeflow["officeflow-search-cursor-key"].id
  secret_data = random_password.search_cursor_key.result
}
