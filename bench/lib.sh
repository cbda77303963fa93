# Shared by the bench/*.sh scripts: messages, quoting, and installing what a run needs.
# Source it after setting OUT (where the Python virtual environment lives).

say() { printf '\n== %s\n' "$*" >&2; }
q() { printf '%q' "$1"; }

SUDO=""
if [ "$(id -u)" != 0 ] && command -v sudo >/dev/null; then SUDO=sudo; fi
APT_UPDATED=0
apt_install() {
  command -v apt-get >/dev/null || { echo "need $* but there is no apt-get: install them by hand" >&2; exit 1; }
  if [ "$APT_UPDATED" = 0 ] && ! $SUDO apt-get install -y -qq "$@" >/dev/null 2>&1; then
    $SUDO apt-get update -qq
    APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$@" >/dev/null
}

# hyperfine, GNU time (for peak RSS and CPU of each run) and python3.
ensure_bench_tools() {
  local missing=()
  command -v hyperfine >/dev/null || missing+=(hyperfine)
  [ -x /usr/bin/time ] || missing+=(time)
  command -v python3 >/dev/null || missing+=(python3)
  if [ ${#missing[@]} -gt 0 ]; then say "installing ${missing[*]}"; apt_install "${missing[@]}"; fi
}

# venv_install EXECUTABLE PIP-SPEC [VERSION]: installs PIP-SPEC into $OUT/venv unless
# $OUT/venv/bin/EXECUTABLE exists (and, with VERSION, prints exactly that as its --version).
VENV="$OUT/venv"
venv_install() {
  local exe="$VENV/bin/$1" spec=$2 version=${3:-}
  if [ -x "$exe" ] && { [ -z "$version" ] || "$exe" --version 2>/dev/null | grep -qx "$version"; }; then
    return
  fi
  say "installing $spec into $VENV"
  if [ ! -x "$VENV/bin/python" ] && ! python3 -m venv "$VENV" 2>/dev/null; then
    rm -rf "$VENV"
    apt_install python3-venv
    python3 -m venv "$VENV"
  fi
  "$VENV/bin/python" -m pip install -q --upgrade pip
  "$VENV/bin/python" -m pip install -q "$spec"
}

# vigil_binary BUILD: sets VIGIL to the release binary (under CARGO_TARGET_DIR when set),
# building it first when BUILD is 1. Needs ROOT (the repository).
vigil_binary() {
  VIGIL="${CARGO_TARGET_DIR:-$ROOT/target}/release/vigil"
  if [ "$1" = 1 ]; then
    say "building vigil (release)"
    (cd "$ROOT" && cargo build --release -p vigil-cli)
  fi
  [ -x "$VIGIL" ] || { echo "no vigil binary at $VIGIL" >&2; exit 1; }
}
