# Shared by the seed-*.sh scripts (sourced, not run).

here=$(cd "$(dirname "$0")" && pwd)

# seed_from_rules TARGET FIND-PREDICATE...: creates corpus/TARGET and copies into it every file
# under ../rules that matches the `find` predicate, named by its path.
seed_from_rules() {
    corpus="$here/corpus/$1"
    shift
    mkdir -p "$corpus"
    find "$here/../rules" -type f "$@" | while read -r f; do
        name=$(echo "${f#"$here"/../rules/}" | tr '/' '_')
        cp "$f" "$corpus/$name"
    done
}

seeded() {
    echo "seeded $(ls "$corpus" | wc -l) inputs into $corpus"
}
