-- One database per service (docs/ARCHITECTURE.md §6); ./dev infra creates the same ones.
CREATE DATABASE officeflow_user;
CREATE DATABASE officeflow_office;
CREATE DATABASE officeflow_contacts;
