#!/usr/bin/env bash
# Sets up what the tests need, then runs every test of the workspace.
# Usage: scripts/test.sh [extra cargo test arguments]
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v cargo >/dev/null 2>&1; then
  echo "cargo is required: install Rust 1.95 or newer (https://rustup.rs)" >&2
  exit 2
fi

# The gate's tests build real git repositories in temporary directories.
if ! command -v git >/dev/null 2>&1; then
  echo "installing git" >&2
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq git; else sudo apt-get install -y -qq git; fi
fi

exec cargo test --workspace --all-targets "$@"
