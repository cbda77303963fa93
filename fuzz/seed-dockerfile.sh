#!/bin/sh
# Seeds fuzz/corpus/dockerfile (git-ignored) with every Dockerfile rule fixture of the repository.
set -eu
. "$(dirname "$0")/seed-lib.sh"
seed_from_rules dockerfile -name '*.dockerfile'
seeded
