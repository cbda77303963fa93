#!/bin/sh
# Seeds fuzz/corpus/cloudformation (git-ignored) with every rule fixture of the repository, plus
# a few hand-written templates that reach the intrinsic functions and error paths.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
corpus="$here/corpus/cloudformation"
mkdir -p "$corpus"
find "$here/../rules" -type f \( -name 'pass*' -o -name 'fail*' \) | while read -r f; do
    name=$(echo "${f#"$here"/../rules/}" | tr '/' '_')
    cp "$f" "$corpus/$name"
done
if [ -d "$here/seeds" ]; then
    cp "$here"/seeds/* "$corpus"/
fi
echo "seeded $(ls "$corpus" | wc -l) inputs into $corpus"
