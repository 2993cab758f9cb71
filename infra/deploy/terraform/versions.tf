# officeflow's GCP resources. pubsub.tf is generated from the catalog (setup-pubsub --emit
# terraform; README.md beside this file): topics, subscriptions, dead-letter IAM, the Gmail push
# grant and a service account per service. The other files are written by hand: the cluster, the
# database, Redis, the secrets, the registry, and what the cluster's add-ons need.
terraform {
  required_version = ">= 1.5"

  required_providers {
    google = {
      source  = "hashicorp/google"
      version = ">= 6.0, < 8.0"
    }
    random = {
      source  = "hashicorp/random"
      version = "~> 3.6"
    }
  }
}

provider "google" {
  project = var.project
  region  = var.region
}
