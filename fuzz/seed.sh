#!/bin/sh
# Seeds fuzz/corpus/cloudformation (git-ignored) with every rule fixture of the repository, plus
# a few hand-written templates that reach the intrinsic functions and error paths.
set -eu
. "$(dirname "$0")/seed-lib.sh"
seed_from_rules cloudformation \( -name 'pass*' -o -name 'fail*' \)
if [ -d "$here/seeds" ]; then
    cp "$here"/seeds/* "$corpus"/
fi
seeded
