# Redis: payload pointers (bodies above 64 KiB for 24 h), the user service's OAuth state, the
# office's quota pacing. Memorystore on the cluster's VPC (default), with AUTH; the services get
# its URL, AUTH string included, from Secret Manager (officeflow-redis-url, secrets.tf).
resource "google_redis_instance" "officeflow" {
  project            = var.project
  name               = "officeflow"
  region             = var.region
  tier               = "STANDARD_HA"
  memory_size_gb     = var.redis_memory_gb
  redis_version      = "REDIS_7_2"
  authorized_network = "projects/${var.project}/global/networks/default"
  auth_enabled       = true

  # Payload pointers expire by TTL; under memory pressure evict those closest to expiry first.
  redis_configs = {
    maxmemory-policy = "volatile-ttl"
  }

  depends_on = [google_project_service.apis]
}
