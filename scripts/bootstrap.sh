#!/usr/bin/env bash
#
# Installs every tool the build and the tests need, and nothing that is already there.
# Idempotent and unattended: safe to run on every `make` (it only checks when all is present),
# under CI=true and with no standard input.
#
#   wasm32 target     rustup where it can download; otherwise Debian's rustc-web + std sources
#                     (built with -Zbuild-std, see scripts/wasm-env)
#   wasm-bindgen-cli  pinned to the `wasm-bindgen` version in Cargo.toml
#   trunk             pinned version, --locked (newer lightningcss breaks an unlocked 0.21 build)
#   chromium + chromedriver   Debian packages, for the browser and end-to-end tests
#   npm packages      scripts/tools (binaryen's wasm-opt) and tests/e2e (playwright-core ...),
#                     from their lock files
set -euo pipefail

cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

WASM_BINDGEN_VERSION=0.2.130
TRUNK_VERSION=0.21.14

log() { printf 'bootstrap: %s\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo -n "$@"; fi
}

apt_updated=0
apt_install() {
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "installing Debian packages: ${missing[*]}"
  if [ $apt_updated -eq 0 ]; then
    as_root apt-get update -qq </dev/null
    apt_updated=1
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" </dev/null >/dev/null
}

# --- wasm32 target ---------------------------------------------------------------------------
if rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  :
elif timeout 90 rustup target add wasm32-unknown-unknown </dev/null >/dev/null 2>&1; then
  log "wasm32-unknown-unknown added with rustup"
else
  log "rustup cannot add wasm32-unknown-unknown here; using Debian's rustc-web with build-std"
  apt_install rustc-web cargo-web rust-web-src lld-19
fi

# --- wasm-bindgen-cli ------------------------------------------------------------------------
if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  log "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (a few minutes)"
  # Not --locked: the registry mirror lacks one version pinned by its lock file.
  cargo install --quiet wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force </dev/null
fi

# --- trunk -----------------------------------------------------------------------------------
if [ "$(trunk --version 2>/dev/null || true)" != "trunk $TRUNK_VERSION" ]; then
  log "installing trunk $TRUNK_VERSION (a few minutes)"
  cargo install --quiet trunk --version "$TRUNK_VERSION" --locked --force </dev/null
fi

# --- browser ---------------------------------------------------------------------------------
apt_install chromium chromium-driver

# --- npm packages: build tools (wasm-opt) and the end-to-end tests ----------------------------
scripts/npm-packages scripts/tools tests/e2e
