#!/usr/bin/env bash
# Whether Dockerfiles, Kubernetes manifests and pipeline files cost more per MB than the rest of a
# repository. Two repositories are generated:
#
#   base/    CloudFormation templates (gen_cfn_corpus.py) and Terraform roots (gen_tf_corpus.py)
#   mixed/   the same files (hard links), plus services with a Dockerfile, manifests, a GitHub
#            workflow, and some GitLab CI files and buildspecs (gen_pipeline_corpus.py)
#
# and `vigil scan` (the whole gate: every rule and the secret search, as CI runs it) is timed on
# both in one hyperfine run. The figure is seconds per MB of input for each, and their ratio: the
# new kinds must not make a repository slower per MB by more than 10% (ratio at most 1.10).
#
#   bench/mixed_kinds.sh [--quick] [--runs N] [--skip-build]
#
# Results go to bench/out/mixed-results[-quick]/: hyperfine.json, summary.md, summary.json.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$HERE")
OUT="$HERE/out"
# shellcheck source=bench/lib.sh
. "$HERE/lib.sh"

QUICK=0
RUNS=10
BUILD=1
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) QUICK=1 ;;
    --runs) RUNS=$2; shift ;;
    --skip-build) BUILD=0 ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done

if [ "$QUICK" = 1 ]; then
  CFN=100; TF=300; SERVICES=150; RES="$OUT/mixed-results-quick"; DATA="$OUT/mixed-quick"
else
  CFN=500; TF=1500; SERVICES=1000; RES="$OUT/mixed-results"; DATA="$OUT/mixed"
fi
mkdir -p "$RES" "$DATA"
ensure_bench_tools

vigil_binary "$BUILD"

say "generating the repositories under $DATA"
python3 "$HERE/gen_cfn_corpus.py" "$DATA/parts/cfn" --count "$CFN"
python3 "$HERE/gen_tf_corpus.py" "$DATA/parts/tf" --count "$TF"
python3 "$HERE/gen_pipeline_corpus.py" "$DATA/parts/services" --count "$SERVICES"
rm -rf "$DATA/base" "$DATA/mixed"
mkdir -p "$DATA/base" "$DATA/mixed"
cp -al "$DATA/parts/cfn" "$DATA/parts/tf" "$DATA/base/"
cp -al "$DATA/parts/cfn" "$DATA/parts/tf" "$DATA/parts/services" "$DATA/mixed/"
# The corpus markers are bookkeeping, not input.
find "$DATA/base" "$DATA/mixed" -name .vigil-bench-corpus -delete

bytes() { find "$1" -type f -printf '%s\n' | awk '{s += $1} END {print s}'; }
BASE_BYTES=$(bytes "$DATA/base")
MIXED_BYTES=$(bytes "$DATA/mixed")

run() { echo "$(q "$VIGIL") scan $(q "$1") --format json --fail-on never -o $(q "$RES/$2.json")"; }
say "hyperfine: vigil on base and mixed, --warmup 2 --runs $RUNS"
hyperfine --style basic --warmup 2 --runs "$RUNS" --export-json "$RES/hyperfine.json" \
  -n base "$(run "$DATA/base" base-report)" \
  -n mixed "$(run "$DATA/mixed" mixed-report)"

python3 - "$RES" "$BASE_BYTES" "$MIXED_BYTES" <<'EOF'
import json, sys, statistics
res, base_bytes, mixed_bytes = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
runs = {r["command"]: r for r in json.load(open(f"{res}/hyperfine.json"))["results"]}
def files(name):
    report = json.load(open(f"{res}/{name}-report.json"))
    return report.get("summary", {})
out = {}
for name, size in (("base", base_bytes), ("mixed", mixed_bytes)):
    r = runs[name]
    out[name] = {
        "mb": round(size / 1e6, 2),
        "median_s": round(statistics.median(r["times"]), 3),
        "s_per_mb": round(statistics.median(r["times"]) / (size / 1e6), 4),
        "summary": files(name),
    }
out["ratio_s_per_mb"] = round(out["mixed"]["s_per_mb"] / out["base"]["s_per_mb"], 3)
json.dump(out, open(f"{res}/summary.json", "w"), indent=2)
md = [
    "| repository | input | median wall | seconds per MB |",
    "|---|---|---|---|",
]
for name in ("base", "mixed"):
    o = out[name]
    md.append(f"| {name} | {o['mb']} MB | {o['median_s']} s | {o['s_per_mb']} |")
md.append("")
md.append(f"Seconds per MB, mixed / base: **{out['ratio_s_per_mb']}** (target: at most 1.10)")
open(f"{res}/summary.md", "w").write("\n".join(md) + "\n")
print("\n".join(md))
EOF
