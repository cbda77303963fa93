#!/usr/bin/env bash
# Speed and memory of Vigil against Checkov on Terraform: a generated corpus, and optionally real
# public modules.
# Vigil runs with --no-secrets: Checkov's run here judges infrastructure only, so both do the
# same job (secret scanning is measured against secret scanners in bench/secrets_vs_peers.sh).
#
#   bench/tf_vs_checkov.sh                          # 2,000 .tf files (Checkov: ~15-25 min a run on 2 cores)
#   bench/tf_vs_checkov.sh --quick                  # 200 .tf files, a smoke run of a few minutes
#   bench/tf_vs_checkov.sh "" /path/to/tfmods       # the corpus, then every module under tfmods/
#   bench/tf_vs_checkov.sh --skip-corpus - /path/to/tfmods   # the real modules only
#
# Arguments: [CORPUS_DIR [REAL_MODULES_DIR]]
#   CORPUS_DIR        where to generate the corpus; empty or "-" for a temporary directory,
#                     removed at the end (the default)
#   REAL_MODULES_DIR  a directory whose subdirectories are Terraform modules cloned by hand
#                     (e.g. terraform-aws-modules' vpc, eks and rds: see docs/benchmarks.md);
#                     each subdirectory is scanned as a whole, examples included
# Options: --quick | --count N (least .tf files) | --runs N (Checkov's runs, default 2)
#          --vigil-runs N (default 10) | --real-runs N (Checkov's runs on each real module,
#          default 2) | --skip-build (use the vigil binary already built) | --skip-corpus
#
# Like bench/cfn_vs_checkov.sh, it installs what is missing (hyperfine and GNU time with apt-get,
# Checkov with pip into bench/out/venv), builds Vigil in release mode and generates the corpus
# (bench/gen_tf_corpus.py). For the corpus and for each real module it runs each tool under
# hyperfine (Vigil: --warmup 2 and --vigil-runs runs; Checkov, which is slow: no warm-up, --runs
# runs on the corpus and --real-runs on a real module; the files are in the page cache after
# Vigil's runs, Checkov's code after its `checkov -l` listing), every run wrapped in
# `/usr/bin/time -v` for peak RSS and CPU, under bench/treemem.py, which samples the summed memory
# of each tool's process tree. Results go to bench/out/tf-results[-quick]/ (corpus/ and
# real-<module>/, each with hyperfine-<tool>.json, time logs, treemem, both reports, env.json);
# bench/tf_vs_checkov_report.py writes summary.md and summary.json there and prints them.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$HERE")
OUT="$HERE/out"

QUICK=0
COUNT=""
RUNS=2
VIGIL_RUNS=10
REAL_RUNS=2
BUILD=1
CORPUS_RUN=1
POSITIONAL=()
CHECKOV_VERSION="${CHECKOV_VERSION:-3.3.30}"  # the version docs/benchmarks.md was measured with
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) QUICK=1 ;;
    --count) COUNT="$2"; shift ;;
    --runs) RUNS="$2"; shift ;;
    --vigil-runs) VIGIL_RUNS="$2"; shift ;;
    --real-runs) REAL_RUNS="$2"; shift ;;
    --skip-build) BUILD=0 ;;
    --skip-corpus) CORPUS_RUN=0 ;;
    -h|--help) sed -n '2,27p' "$0"; exit 0 ;;
    --) shift; POSITIONAL+=("$@"); break ;;
    -?*) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
    *) POSITIONAL+=("$1") ;;
  esac
  shift
done
CORPUS_ARG="${POSITIONAL[0]:-}"
REAL_DIR="${POSITIONAL[1]:-}"
[ ${#POSITIONAL[@]} -le 2 ] || { echo "too many arguments (see --help)" >&2; exit 2; }
if [ -n "$REAL_DIR" ]; then
  [ -d "$REAL_DIR" ] || { echo "no directory $REAL_DIR" >&2; exit 2; }
  REAL_DIR=$(cd "$REAL_DIR" && pwd)
fi
if [ "$QUICK" = 1 ]; then
  COUNT="${COUNT:-200}"; RES="$OUT/tf-results-quick"
else
  COUNT="${COUNT:-2000}"; RES="$OUT/tf-results"
fi
if [ -z "$CORPUS_ARG" ] || [ "$CORPUS_ARG" = "-" ]; then
  CORPUS=$(mktemp -d "${TMPDIR:-/tmp}/vigil-tf-corpus.XXXXXX")
  trap 'rm -rf "$CORPUS"' EXIT
else
  mkdir -p "$CORPUS_ARG"
  CORPUS=$(cd "$CORPUS_ARG" && pwd)
fi
mkdir -p "$OUT" "$RES"
# One invocation, one set of results: what an earlier run left is removed.
rm -rf "$RES"/corpus "$RES"/real-* "$RES"/summary.md "$RES"/summary.json

# shellcheck source=lib.sh
. "$HERE/lib.sh"

# ---------------------------------------------------------------------------- dependencies
ensure_bench_tools
CHECKOV="$VENV/bin/checkov"
venv_install checkov "checkov==$CHECKOV_VERSION" "$CHECKOV_VERSION"

# Keep Checkov offline and quiet: no Prisma Cloud mapping/policy download, no upload, no
# version check against PyPI, no download of registry or git modules.
export BC_SKIP_MAPPING=TRUE
export CKV_SKIP_PACKAGE_UPDATE_CHECK=TRUE
export DOWNLOAD_EXTERNAL_MODULES=false
CHECKOV_FLAGS=(--framework terraform -o json --quiet --compact --skip-download --skip-results-upload
               --soft-fail --download-external-modules false)

# ---------------------------------------------------------------------------- build, corpus
vigil_binary "$BUILD"

if [ "$CORPUS_RUN" = 1 ]; then
  say "generating at least $COUNT .tf files into $CORPUS"
  python3 "$HERE/gen_tf_corpus.py" "$CORPUS" --count "$COUNT"
fi

# ---------------------------------------------------------------------------- environment
say "machine"
uptime
CPU_MODEL=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//' || echo unknown)
read_busy() { awk '/^cpu /{print $2+$3+$4+$7+$8+$9, $2+$3+$4+$5+$6+$7+$8+$9}' /proc/stat; }
VIGIL_VERSION=$("$VIGIL" --version)
# The tree the binary was built from (uncommitted changes show as -dirty).
VIGIL_SOURCE=$(git -C "$ROOT" describe --always --dirty 2>/dev/null || echo unknown)
VIGIL_RULES=$("$VIGIL" rules list | tail -n1)
CHECKOV_REAL_VERSION=$("$CHECKOV" --version)
# Also loads Checkov's code into the page cache before its first measured run.
CHECKOV_CHECKS=$("$CHECKOV" -l --framework terraform --skip-download 2>/dev/null \
  | awk -F'|' '$7 ~ /[Tt]erraform/ {gsub(/ /, "", $3); print $3}' | sort -u | wc -l)
HYPERFINE_VERSION=$(hyperfine --version)


# bench_one NAME TARGET_DIR RESULT_DIR CHECKOV_WARMUP CHECKOV_RUNS [CORPUS_SUMMARY]
bench_one() {
  local name="$1" target="$2" res="$3" ck_warmup="$4" ck_runs="$5" corpus_summary="${6:-}"
  mkdir -p "$res"
  rm -f "$res"/time-*.log "$res"/*-report.json "$res"/hyperfine-*.* "$res"/summary.* "$res"/treemem-*.json \
        "$res"/env.json "$res"/checkov-stderr.log
  local vigil_cmd checkov_cmd load_before load_after busy0 total0 busy1 total1 t0 t1 busy_cpus files lines
  vigil_cmd="/usr/bin/time -v -a -o $(q "$res/time-vigil.log") $(q "$VIGIL") scan $(q "$target") --no-secrets --format json --fail-on never -o $(q "$res/vigil-report.json")"
  checkov_cmd="/usr/bin/time -v -a -o $(q "$res/time-checkov.log") $(q "$CHECKOV") -d $(q "$target") ${CHECKOV_FLAGS[*]} > $(q "$res/checkov-report.json") 2>> $(q "$res/checkov-stderr.log")"
  files=$(find "$target" -name '*.tf' -type f | wc -l)
  lines=$(find "$target" -name '*.tf' -type f -print0 | xargs -0 cat | wc -l)

  say "$name: $files .tf files, $lines lines; load $(cut -d' ' -f1-3 /proc/loadavg)"
  load_before=$(cut -d' ' -f1-3 /proc/loadavg)
  read -r busy0 total0 < <(read_busy)
  t0=$(date +%s.%N)
  say "$name: vigil, --warmup 2 --runs $VIGIL_RUNS"
  python3 "$HERE/treemem.py" --tool vigil -o "$res/treemem-vigil.json" -- \
    hyperfine --style basic --warmup 2 --runs "$VIGIL_RUNS" \
      --export-json "$res/hyperfine-vigil.json" --export-markdown "$res/hyperfine-vigil.md" \
      -n vigil "$vigil_cmd"
  say "$name: checkov, --warmup $ck_warmup --runs $ck_runs"
  python3 "$HERE/treemem.py" --tool checkov -o "$res/treemem-checkov.json" -- \
    hyperfine --style basic --warmup "$ck_warmup" --runs "$ck_runs" \
      --export-json "$res/hyperfine-checkov.json" --export-markdown "$res/hyperfine-checkov.md" \
      -n checkov "$checkov_cmd"
  t1=$(date +%s.%N)
  read -r busy1 total1 < <(read_busy)
  load_after=$(cut -d' ' -f1-3 /proc/loadavg)
  # Busy CPUs over the run, counting every process on the machine (ours included: about 1).
  busy_cpus=$(awk -v b0="$busy0" -v b1="$busy1" -v t0="$total0" -v t1="$total1" -v n="$(nproc)" \
    'BEGIN { printf "%.2f", (b1 - b0) / (t1 - t0) * n }')

  NAME="$name" TARGET="$target" TF_FILES="$files" TF_LINES="$lines" CPU_MODEL="$CPU_MODEL" \
  LOAD_BEFORE="$load_before" LOAD_AFTER="$load_after" BUSY_CPUS="$busy_cpus" T0="$t0" T1="$t1" \
  VIGIL_VERSION="$VIGIL_VERSION" VIGIL_SOURCE="$VIGIL_SOURCE" VIGIL_RULES="$VIGIL_RULES" CHECKOV_REAL_VERSION="$CHECKOV_REAL_VERSION" \
  CHECKOV_CHECKS="$CHECKOV_CHECKS" HYPERFINE_VERSION="$HYPERFINE_VERSION" VIGIL_CMD="$vigil_cmd" \
  CHECKOV_CMD="$checkov_cmd" VIGIL_RUNS="$VIGIL_RUNS" CK_RUNS="$ck_runs" CK_WARMUP="$ck_warmup" \
  python3 - "$res/env.json" "$corpus_summary" <<'EOF'
import json, os, platform, subprocess, sys
e = os.environ
mem_kb = int(next(l.split()[1] for l in open("/proc/meminfo") if l.startswith("MemTotal:")))
env = {
    "name": e["NAME"],
    "target": e["TARGET"],
    "tf_files": int(e["TF_FILES"]),
    "tf_lines": int(e["TF_LINES"]),
    "cpus": os.cpu_count(),
    "cpu_model": e["CPU_MODEL"],
    "mem_gib": round(mem_kb / 1024 / 1024),
    "kernel": platform.release(),
    "loadavg_before": e["LOAD_BEFORE"],
    "loadavg_after": e["LOAD_AFTER"],
    "busy_cpus_during_run": float(e["BUSY_CPUS"]),
    "run_seconds": round(float(e["T1"]) - float(e["T0"]), 1),
    "vigil_version": e["VIGIL_VERSION"],
    "vigil_source": e["VIGIL_SOURCE"],
    "vigil_rules": e["VIGIL_RULES"],
    "vigil_warmup": 2,
    "vigil_runs": int(e["VIGIL_RUNS"]),
    "checkov_version": e["CHECKOV_REAL_VERSION"],
    "checkov_terraform_checks": int(e["CHECKOV_CHECKS"]),
    "checkov_warmup": int(e["CK_WARMUP"]),
    "checkov_runs": int(e["CK_RUNS"]),
    "hyperfine_version": e["HYPERFINE_VERSION"],
    "vigil_command": e["VIGIL_CMD"],
    "checkov_command": e["CHECKOV_CMD"],
}
if sys.argv[2]:
    env["corpus"] = json.load(open(sys.argv[2]))
# Where a real module came from, when it is a git checkout.
try:
    env["git"] = subprocess.run(["git", "-C", e["TARGET"], "describe", "--tags", "--always"],
                                capture_output=True, text=True, check=True).stdout.strip()
except (OSError, subprocess.CalledProcessError):
    pass
with open(sys.argv[1], "w") as f:
    json.dump(env, f, indent=2)
    f.write("\n")
EOF
}

if [ "$CORPUS_RUN" = 1 ]; then
  bench_one corpus "$CORPUS" "$RES/corpus" 0 "$RUNS" "$CORPUS/.vigil-bench-corpus"
fi
if [ -n "$REAL_DIR" ]; then
  for mod in "$REAL_DIR"/*/; do
    mod=${mod%/}
    [ -n "$(find "$mod" -name '*.tf' -type f -print -quit)" ] || continue
    bench_one "$(basename "$mod")" "$mod" "$RES/real-$(basename "$mod")" 0 "$REAL_RUNS"
  done
fi
uptime

say "summary ($RES/summary.md)"
python3 "$HERE/tf_vs_checkov_report.py" "$RES"
