# Terraform's state holds the database password and Redis's AUTH string (secrets.tf): keep it in a
# bucket only the deployers can read, named at init:
#   terraform init -backend-config=bucket=<project>-tfstate
terraform {
  backend "gcs" {
    prefix = "officeflow"
  }
}
