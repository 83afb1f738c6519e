#!/usr/bin/env bash
#
# Fuzzes the content loader, the Markdown renderer and the questionnaire reader (cargo-fuzz,
# libFuzzer) for a bounded time each, then writes the result into fuzz/README.md. Exits non-zero
# on a crash (or a failed build) and says where the crashing input is.
#
#   FUZZ_SECONDS     seconds per target (default 60)
#   FUZZ_TARGETS     targets to run (default: markdown content questionnaire)
#   FUZZ_SANITIZER   cargo-fuzz's -s: none (default) or address
#
# Builds keep debug assertions and overflow checks on (no --release flag: cargo-fuzz still
# optimises), so that the fuzzer fails on what `cargo test` would fail on. No sanitizer by
# default: the code under test is safe Rust and so are most of its parsers, and AddressSanitizer
# costs a large share of the executions a bounded run has (FUZZ_SANITIZER=address when a
# dependency's unsafe code is the suspect).
#
# Installs cargo-fuzz if missing. Uses the nightly toolchain when installed, otherwise the
# stable one with RUSTC_BOOTSTRAP=1 (the sanitizer flags are unstable). The corpus grows in
# fuzz/corpus/ (not committed) from seeds: the example content and the e2e fixture files.
set -euo pipefail

cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
SECONDS_EACH=${FUZZ_SECONDS:-60}
TARGETS=${FUZZ_TARGETS:-markdown content questionnaire}
SANITIZER=${FUZZ_SANITIZER:-none}

log() { printf 'fuzz: %s\n' "$*" >&2; }

if ! cargo fuzz --version >/dev/null 2>&1; then
  log "installing cargo-fuzz"
  cargo install --quiet cargo-fuzz --locked </dev/null
fi
toolchain=()
if rustup run nightly rustc --version >/dev/null 2>&1; then
  toolchain=(+nightly)
else
  export RUSTC_BOOTSTRAP=1
fi
rustc_version=$(rustc "${toolchain[@]}" --version)

# Fuzz the dependency versions the site ships: start from the main lock file (cargo drops what
# the fuzz crate does not use and adds libfuzzer-sys).
cp Cargo.lock fuzz/Cargo.lock

# --- seeds -----------------------------------------------------------------------------------
seeds=fuzz/target/seeds
rm -rf "$seeds"
mkdir -p "$seeds/markdown" "$seeds/content" "$seeds/questionnaire"
while IFS= read -r -d '' f; do
  cp "$f" "$seeds/markdown/$(echo "$f" | tr '/' '_')"
done < <(find content tests/fixtures/xss-content -name '*.md' -print0)
# A content input is the file's path (relative to the base content, the small XSS corpus), a
# newline, then its new text; the example content's files are seeds too (under their own names).
base=tests/fixtures/xss-content
while IFS= read -r -d '' f; do
  rel=${f#"$base"/}
  { printf '%s\n' "$rel"; cat "$f"; } >"$seeds/content/base_$(echo "$rel" | tr '/' '_')"
done < <(find "$base" -type f ! -path '*/assets/*' ! -name README.md -print0)
while IFS= read -r -d '' f; do
  rel=${f#content/}
  { printf '%s\n' "$rel"; cat "$f"; } >"$seeds/content/example_$(echo "$rel" | tr '/' '_')"
done < <(find content -type f ! -path 'content/assets/*' ! -path 'content/.schemas/*' -print0)
cp tests/e2e/fixtures/* "$seeds/questionnaire/" 2>/dev/null || true

# --- run -------------------------------------------------------------------------------------
rows=()
status=0
for target in $TARGETS; do
  corpus=fuzz/corpus/$target
  mkdir -p "$corpus" "fuzz/regressions/$target"
  log "$target: building and running for ${SECONDS_EACH}s"
  logfile=fuzz/target/$target.log
  set +e
  (cd fuzz && cargo "${toolchain[@]}" fuzz run -s "$SANITIZER" "$target" \
     "corpus/$target" "target/seeds/$target" "regressions/$target" -- \
     -max_total_time="$SECONDS_EACH" -rss_limit_mb=4096 -timeout=20 -print_final_stats=1) \
     >"$logfile" 2>&1
  code=$?
  set -e
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$logfile" | grep -o '[0-9]*$' | tail -n 1)
  speed=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$logfile" | grep -o '[0-9]*$' | tail -n 1)
  rss=$(grep -o 'stat::peak_rss_mb: *[0-9]*' "$logfile" | grep -o '[0-9]*$' | tail -n 1)
  size=$(find "$corpus" -type f | wc -l)
  # libFuzzer names the input it stopped on (crash, timeout, out of memory) with its full path.
  artifact=$(grep -o 'Test unit written to .*' "$logfile" | sed 's/Test unit written to //' | tail -n 1 || true)
  if [ "$code" -eq 0 ]; then
    crashes=0
  elif [ -z "$artifact" ]; then
    crashes="build failed"
    status=1
    log "$target: failed before fuzzing (exit $code); see $logfile"
  else
    crashes=1
    status=1
    artifact=${artifact#"$PWD"/}
    log "$target: CRASH (exit $code); input: $artifact; log: $logfile"
    log "reproduce: cd fuzz && cargo ${toolchain[*]} fuzz run -s $SANITIZER $target ${artifact#fuzz/}"
    log "then fix it and keep the input in fuzz/regressions/$target/ (tests/fuzz_regressions.rs replays it)"
  fi
  rows+=("| \`$target\` | $SECONDS_EACH | ${execs:-?} | ${speed:-?} | $size | ${rss:-?} | $crashes |")
  log "$target: ${execs:-?} executions, ${speed:-?}/s, corpus $size, crashes $crashes"
done

# --- write the result down -------------------------------------------------------------------
{
  echo "<!-- fuzz:begin -->"
  echo "Last run: $(date -u +%Y-%m-%d), $(nproc) cores, $rustc_version, sanitizer: $SANITIZER, debug assertions on, \`FUZZ_SECONDS=$SECONDS_EACH make fuzz\`."
  echo
  echo "| Target | Seconds | Executions | Per second | Corpus files | Peak RSS (MB) | Crashes |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  printf '%s\n' "${rows[@]}"
  echo "<!-- fuzz:end -->"
} >fuzz/target/result.md
python3 - <<'EOF'
import re
readme = open('fuzz/README.md').read()
block = open('fuzz/target/result.md').read().strip()
readme = re.sub(r'<!-- fuzz:begin -->.*<!-- fuzz:end -->', lambda _: block, readme, flags=re.S)
open('fuzz/README.md', 'w').write(readme)
EOF
log "result written to fuzz/README.md"
exit $status
