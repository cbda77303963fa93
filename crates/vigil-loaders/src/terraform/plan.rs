//! `terraform show -json` output: the planned values of every resource.
