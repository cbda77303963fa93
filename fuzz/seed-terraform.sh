#!/bin/sh
# Seeds fuzz/corpus/terraform (git-ignored) with every Terraform rule fixture and the Terraform
# example, each fixture as one input (its `# --- file:` markers keep modules and tfvars).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
corpus="$here/corpus/terraform"
mkdir -p "$corpus"
find "$here/../rules" -type f -name '*.tf' | while read -r f; do
    name=$(echo "${f#"$here"/../rules/}" | tr '/' '_')
    cp "$f" "$corpus/$name"
done
# The example as one input: main.tf first, the module after a file marker.
{
    cat "$here/../examples/terraform/main.tf"
    echo "# --- file: modules/static-site/main.tf"
    cat "$here/../examples/terraform/modules/static-site/main.tf"
    echo "# --- file: terraform.tfvars"
    cat "$here/../examples/terraform/prod.tfvars"
} > "$corpus/example.tf"
echo "seeded $(ls "$corpus" | wc -l) inputs into $corpus"
