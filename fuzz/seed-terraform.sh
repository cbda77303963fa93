#!/bin/sh
# Seeds fuzz/corpus/terraform (git-ignored) with every Terraform rule fixture and the Terraform
# example, each fixture as one input (its `# --- file:` markers keep modules and tfvars).
set -eu
. "$(dirname "$0")/seed-lib.sh"
seed_from_rules terraform -name '*.tf'
# The example as one input: main.tf first, the module after a file marker.
{
    cat "$here/../examples/terraform/main.tf"
    echo "# --- file: modules/static-site/main.tf"
    cat "$here/../examples/terraform/modules/static-site/main.tf"
    echo "# --- file: terraform.tfvars"
    cat "$here/../examples/terraform/prod.tfvars"
} > "$corpus/example.tf"
seeded
