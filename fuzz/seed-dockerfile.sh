#!/bin/sh
# Seeds fuzz/corpus/dockerfile (git-ignored) with every Dockerfile rule fixture of the repository.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
corpus="$here/corpus/dockerfile"
mkdir -p "$corpus"
find "$here/../rules" -type f -name '*.dockerfile' | while read -r f; do
    name=$(echo "${f#"$here"/../rules/}" | tr '/' '_')
    cp "$f" "$corpus/$name"
done
echo "seeded $(ls "$corpus" | wc -l) inputs into $corpus"
