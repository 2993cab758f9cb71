output "ingress_ip" {
  description = "The Ingress's address: point the host's DNS A record here."
  value       = google_compute_global_address.ingress.address
}

output "registry" {
  description = "Where to push the images: <registry>/<module>:<tag>."
  value       = "${google_artifact_registry_repository.officeflow.location}-docker.pkg.dev/${var.project}/${google_artifact_registry_repository.officeflow.repository_id}"
}

output "get_credentials" {
  description = "Points kubectl at the cluster."
  value       = "gcloud container clusters get-credentials ${google_container_cluster.officeflow.name} --region ${var.region} --project ${var.project}"
}

# infra/deploy/overlays/gke/settings.yaml for this project (the same keys; a test checks them):
#   terraform output -raw kustomize_settings > ../overlays/gke/settings.yaml
output "kustomize_settings" {
  description = "The GKE overlay's settings.yaml for this project."
  value       = <<-EOT
    # This deployment's own values (terraform output -raw kustomize_settings). Kustomize copies
    # each value to where it is used (the replacements in kustomization.yaml); this object itself
    # is never applied (local-config).
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: deploy-settings
      annotations:
        config.kubernetes.io/local-config: "true"
    data:
      project: ${var.project}
      serviceAccountDomain: ${var.project}.iam.gserviceaccount.com
      region: ${var.region}
      cluster: ${google_container_cluster.officeflow.name}
      registry: ${google_artifact_registry_repository.officeflow.location}-docker.pkg.dev/${var.project}/${google_artifact_registry_repository.officeflow.repository_id}
      imageTag: ${var.image_tag}
      cloudSqlInstance: ${google_sql_database_instance.officeflow.connection_name}
      host: ${var.host}
      vespaEndpoint: ${var.vespa_endpoint}
      vespaQueryEndpoint: ${var.vespa_query_endpoint}
  EOT
}
