#!/bin/sh
# Seeds fuzz/corpus/secrets (git-ignored) with every secret rule file and each of its true and
# false examples as one input.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
corpus="$here/corpus/secrets"
mkdir -p "$corpus"
python3 - "$here/../rules/secrets" "$corpus" <<'PY'
import os, sys, yaml
root, out = sys.argv[1], sys.argv[2]
n = 0
for d, _, files in os.walk(root):
    for f in files:
        if not f.endswith(".yaml"):
            continue
        path = os.path.join(d, f)
        text = open(path).read()
        open(os.path.join(out, f"rule-{n}"), "w").write(text)
        n += 1
        rule = yaml.safe_load(text)
        for kind in ("fail", "pass"):
            for i, ex in enumerate(rule["examples"][kind]):
                open(os.path.join(out, f"{f}-{kind}-{i}"), "w").write(ex)
                n += 1
print(f"seeded {n} inputs into {out}")
PY
