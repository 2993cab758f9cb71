# var.project and var.namespace are declared in pubsub.tf (generated); set them in
# terraform.tfvars (terraform.tfvars.example).

variable "region" {
  description = "The region of the cluster, the database, Redis and the image registry."
  type        = string
  default     = "europe-west1"
}

variable "cluster_name" {
  description = "The GKE Autopilot cluster."
  type        = string
  default     = "officeflow"
}

variable "host" {
  description = "The public host name of the Ingress (an A record to output ingress_ip)."
  type        = string
}

variable "image_tag" {
  description = "The release the overlay's settings name (docker push <registry>/<module>:<tag>)."
  type        = string
  default     = "0.1.0"
}

variable "vespa_endpoint" {
  description = "Vespa's /document/v1 endpoint, as vespa-loader reaches it."
  type        = string
  default     = "http://vespa.vespa.svc.cluster.local:8080/"
}

variable "vespa_query_endpoint" {
  description = "Vespa's /search/ endpoint, as vespa-loader reaches it (the same container unless the application has a separate query cluster)."
  type        = string
  default     = "http://vespa.vespa.svc.cluster.local:8080/"
}

variable "database_tier" {
  description = "The Cloud SQL machine type."
  type        = string
  default     = "db-custom-1-3840"
}

variable "database_availability" {
  description = "REGIONAL (a standby in a second zone) or ZONAL."
  type        = string
  default     = "REGIONAL"
}

variable "redis_memory_gb" {
  description = "Memorystore's size: payload pointers (bodies above 64 KiB, 24 h) and OAuth state."
  type        = number
  default     = 1
}
