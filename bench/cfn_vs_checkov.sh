#!/usr/bin/env bash
# Speed and memory of Vigil against Checkov on a generated CloudFormation corpus.
# Vigil runs with --no-secrets: Checkov's run here judges infrastructure only, so both do the
# same job (secret scanning is measured against secret scanners in bench/secrets_vs_peers.sh).
#
#   bench/cfn_vs_checkov.sh            # 2,000 templates: about an hour (a Checkov run takes ~19 min on 2 cores)
#   bench/cfn_vs_checkov.sh --quick    # 200 templates, a smoke run of a few minutes
#
# Options: --quick | --count N (templates) | --runs N (hyperfine --min-runs, default 2)
#          --skip-build (use the vigil binary already built)
#
# It installs what is missing (hyperfine and GNU time with apt-get, Checkov with pip into
# bench/out/venv), builds Vigil in release mode, generates the corpus with
# bench/gen_cfn_corpus.py, then runs both tools in ONE hyperfine invocation (one warm-up run
# each), each run wrapped in `/usr/bin/time -v` for peak RSS and CPU, under bench/treemem.py,
# which samples the summed memory of each tool's process tree. Results go to
# bench/out/results[-quick]/ (hyperfine.json, hyperfine.md, summary.json, summary.md, the time
# logs and both tools' reports); the summary is printed at the end. See docs/benchmarks.md.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$HERE")
OUT="$HERE/out"

QUICK=0
COUNT=""
RUNS=2
BUILD=1
CHECKOV_VERSION="${CHECKOV_VERSION:-3.3.30}"  # the version docs/benchmarks.md was measured with
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) QUICK=1 ;;
    --count) COUNT="$2"; shift ;;
    --runs) RUNS="$2"; shift ;;
    --skip-build) BUILD=0 ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
if [ "$QUICK" = 1 ]; then
  COUNT="${COUNT:-200}"; CORPUS="$OUT/cfn-corpus-quick"; RES="$OUT/results-quick"
else
  COUNT="${COUNT:-2000}"; CORPUS="$OUT/cfn-corpus"; RES="$OUT/results"
fi
mkdir -p "$OUT" "$RES"

# shellcheck source=lib.sh
. "$HERE/lib.sh"

# ---------------------------------------------------------------------------- dependencies
ensure_bench_tools
CHECKOV="$VENV/bin/checkov"
venv_install checkov "checkov==$CHECKOV_VERSION" "$CHECKOV_VERSION"

# Keep Checkov offline and quiet: no Prisma Cloud mapping/policy download, no upload, no
# version check against PyPI.
export BC_SKIP_MAPPING=TRUE
export CKV_SKIP_PACKAGE_UPDATE_CHECK=TRUE
CHECKOV_FLAGS=(--framework cloudformation -o json --quiet --compact --skip-download --skip-results-upload --soft-fail)

# ---------------------------------------------------------------------------- build, corpus
vigil_binary "$BUILD"

say "generating $COUNT templates into $CORPUS"
python3 "$HERE/gen_cfn_corpus.py" "$CORPUS" --count "$COUNT"

# ---------------------------------------------------------------------------- environment
say "machine"
rm -f "$RES"/time-*.log "$RES"/*-report.json "$RES"/hyperfine.* "$RES"/summary.* "$RES"/treemem.json
uptime
CPU_MODEL=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//' || echo unknown)
read_busy() { awk '/^cpu /{print $2+$3+$4+$7+$8+$9, $2+$3+$4+$5+$6+$7+$8+$9}' /proc/stat; }
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
VIGIL_VERSION=$("$VIGIL" --version)
VIGIL_RULES=$("$VIGIL" rules list | tail -n1)
CHECKOV_REAL_VERSION=$("$CHECKOV" --version)
CHECKOV_CHECKS=$("$CHECKOV" -l --framework cloudformation --skip-download 2>/dev/null \
  | awk -F'|' '$7 ~ /Cloudformation/ {gsub(/ /, "", $3); print $3}' | sort -u | wc -l)
HYPERFINE_VERSION=$(hyperfine --version)

# ---------------------------------------------------------------------------- the run
VIGIL_CMD="/usr/bin/time -v -a -o $(q "$RES/time-vigil.log") $(q "$VIGIL") scan $(q "$CORPUS") --no-secrets --format json --fail-on never -o $(q "$RES/vigil-report.json")"
CHECKOV_CMD="/usr/bin/time -v -a -o $(q "$RES/time-checkov.log") $(q "$CHECKOV") -d $(q "$CORPUS") ${CHECKOV_FLAGS[*]} > $(q "$RES/checkov-report.json")"

say "hyperfine: vigil and checkov, --warmup 1 --min-runs $RUNS"
read -r BUSY0 TOTAL0 < <(read_busy)
T0=$(date +%s.%N)
python3 "$HERE/treemem.py" --tool vigil --tool checkov -o "$RES/treemem.json" -- \
  hyperfine --style basic --warmup 1 --min-runs "$RUNS" \
    --export-json "$RES/hyperfine.json" --export-markdown "$RES/hyperfine.md" \
    -n vigil "$VIGIL_CMD" \
    -n checkov "$CHECKOV_CMD"
T1=$(date +%s.%N)
read -r BUSY1 TOTAL1 < <(read_busy)
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
uptime

# Busy CPUs over the run, counting every process on the machine (ours included: about 1).
BUSY_CPUS=$(awk -v b0="$BUSY0" -v b1="$BUSY1" -v t0="$TOTAL0" -v t1="$TOTAL1" -v n="$(nproc)" \
  'BEGIN { printf "%.2f", (b1 - b0) / (t1 - t0) * n }')

CPU_MODEL="$CPU_MODEL" LOAD_BEFORE="$LOAD_BEFORE" LOAD_AFTER="$LOAD_AFTER" BUSY_CPUS="$BUSY_CPUS" \
T0="$T0" T1="$T1" VIGIL_VERSION="$VIGIL_VERSION" VIGIL_RULES="$VIGIL_RULES" \
CHECKOV_REAL_VERSION="$CHECKOV_REAL_VERSION" CHECKOV_CHECKS="$CHECKOV_CHECKS" \
HYPERFINE_VERSION="$HYPERFINE_VERSION" VIGIL_CMD="$VIGIL_CMD" CHECKOV_CMD="$CHECKOV_CMD" \
python3 - "$RES/env.json" "$CORPUS/.vigil-bench-corpus" <<'EOF'
import json, os, platform, sys
e = os.environ
mem_kb = int(next(l.split()[1] for l in open("/proc/meminfo") if l.startswith("MemTotal:")))
env = {
    "cpus": os.cpu_count(),
    "cpu_model": e["CPU_MODEL"],
    "mem_gib": round(mem_kb / 1024 / 1024),
    "kernel": platform.release(),
    "loadavg_before": e["LOAD_BEFORE"],
    "loadavg_after": e["LOAD_AFTER"],
    "busy_cpus_during_run": float(e["BUSY_CPUS"]),
    "run_seconds": round(float(e["T1"]) - float(e["T0"]), 1),
    "vigil_version": e["VIGIL_VERSION"],
    "vigil_rules": e["VIGIL_RULES"],
    "checkov_version": e["CHECKOV_REAL_VERSION"],
    "checkov_cfn_checks": int(e["CHECKOV_CHECKS"]),
    "hyperfine_version": e["HYPERFINE_VERSION"],
    "vigil_command": e["VIGIL_CMD"],
    "checkov_command": e["CHECKOV_CMD"],
    "corpus": json.load(open(sys.argv[2])),
}
with open(sys.argv[1], "w") as f:
    json.dump(env, f, indent=2)
    f.write("\n")
EOF

say "summary ($RES/summary.md)"
python3 "$HERE/cfn_vs_checkov_report.py" "$RES"
