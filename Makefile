# Two commands do everything on a fresh machine: `make serve` and `make test`.
# Each target installs what it needs first (scripts/bootstrap.sh skips what is present).

CONTENT ?= content
OUT     ?= dist
ADDR    ?= 127.0.0.1:8080

# The example content is written as of this day (a certificate about to expire, a change inside
# its objection window); building it is judged as of that day so that the demo and the tests do
# not age. Any other content is judged as of the real date unless TRUST_TODAY says otherwise.
ifeq ($(CONTENT),content)
export TRUST_TODAY ?= 2026-11-22
endif

SHELL      := bash
APP_DIR    := target/trunk
TRUSTCTL   := target/debug/trustctl
WASM_ENV   := scripts/wasm-env
export PATH := $(HOME)/.cargo/bin:$(PATH)
export CHROMEDRIVER ?= /usr/bin/chromedriver
export CARGO_TERM_COLOR ?= never
# A CI checkout is built once and thrown away: incremental caches would only cost disk and time.
ifdef CI
export CARGO_INCREMENTAL ?= 0
endif

.PHONY: help setup check build serve test test-native test-browser test-e2e app trustctl bench-load bench-compress bench-search bench-questionnaire bench-perf bench-build bench-fcp-variants fuzz lint fmt clean

help:
	@echo "make serve   build the trust center from CONTENT (default: content/) and serve it at http://$(ADDR)/"
	@echo "make build   only write the site to OUT (default: dist/)"
	@echo "make check   validate CONTENT"
	@echo "make test    run every test: native, in-browser component, end-to-end"
	@echo "make lint    rustfmt check and clippy on the native and wasm32 builds"
	@echo "make bench-load / bench-compress / bench-search / bench-questionnaire / bench-perf / bench-build / bench-fcp-variants   benchmarks (results in bench/README.md)"
	@echo "make fuzz    fuzz the loader, Markdown and questionnaire reader for FUZZ_SECONDS each (results in fuzz/README.md)"

setup:
	@scripts/bootstrap.sh

trustctl: setup
	cargo build --bin trustctl

# The Wasm app does not depend on the content: it is built once and serves any content directory.
# --offline keeps Trunk from trying to download tools (bootstrap installed them); it is passed on
# to cargo too, so fetch the crates first.
# Trunk runs wasm-opt (binaryen from npm, scripts/tools); the .br and .gz copies of the app are
# written once here, not at every content build (brotli takes seconds on the Wasm).
# The questionnaire page has its own app (questionnaire.html: the assistant and its worker), so
# that the browsing pages' Wasm stays small; Trunk builds each template into its own directory
# (it replaces a whole dist), and the second is merged into the first. `--offline=true`: the flag
# takes an optional value, and bare it would take the template's name as that value.
app: setup trustctl
	cargo fetch --quiet
	$(WASM_ENV) trunk build --release --offline
	$(WASM_ENV) trunk build --release --offline=true questionnaire.html --dist $(APP_DIR)-questionnaire --html-output questionnaire.html
	cp -R $(APP_DIR)-questionnaire/. $(APP_DIR)/
	$(TRUSTCTL) compress $(APP_DIR)

check: trustctl
	$(TRUSTCTL) check $(CONTENT)

# Validate first, so that bad content fails in seconds and before anything is written.
build: check app
	$(TRUSTCTL) build --content $(CONTENT) --app $(APP_DIR) --out $(OUT)

serve: build
	$(TRUSTCTL) serve $(OUT) --addr $(ADDR)

test: test-native test-e2e test-browser

test-native: setup
	cargo test

test-e2e: build
	cd tests/e2e && SITE_DIR=$(abspath $(OUT)) TRUSTCTL=$(abspath $(TRUSTCTL)) APP_DIR=$(abspath $(APP_DIR)) SITE_CONTENT=$(abspath $(CONTENT)) node --test --test-concurrency=1 --test-reporter=spec

test-browser: setup
	$(WASM_ENV) cargo test --target wasm32-unknown-unknown --no-default-features --features hydrate --test components

# The performance budget: bytes per route, mobile-profile timings against a plain page, build
# time at 1×, 10× and 100× content (with a release trustctl, as a deployment would build).
bench-perf: setup app
	cargo build --release --bin trustctl
	scripts/npm-packages bench/perf
	cd bench/perf && TRUSTCTL=$(abspath target/release/trustctl) APP_DIR=$(abspath $(APP_DIR)) node run.mjs

# Only the build times of bench-perf (example content ×1, ×10, ×100; SCALES). Prints only.
bench-build: setup app
	cargo build --release --bin trustctl
	scripts/npm-packages bench/perf
	cd bench/perf && TRUSTCTL=$(abspath target/release/trustctl) APP_DIR=$(abspath $(APP_DIR)) node build.mjs

# What a part of one page costs its first paint: FCP of the built page with that part taken out
# (ROUTE, RUNS, VARIANTS; see bench/perf/variants.mjs). Prints only.
bench-fcp-variants: build
	scripts/npm-packages bench/perf
	cd bench/perf && SITE_DIR=$(abspath $(OUT)) TRUSTCTL=$(abspath $(TRUSTCTL)) node variants.mjs

# Bounded fuzzing (cargo-fuzz); writes its last result into fuzz/README.md. No `setup`: it needs
# none of the browser tools, only cargo-fuzz, which the script installs.
fuzz:
	scripts/fuzz.sh

bench-load: setup
	cargo bench --bench load

# Brotli at qualities 11, 10, 9 and 5 and gzip at levels 9 to 1 on the example site's files, one
# thread: what the build's levels are chosen by (src/publish/compress.rs). Prints the tables for
# bench/README.md.
bench-compress: setup app
	APP_DIR=$(abspath $(APP_DIR)) cargo bench --bench compress

# Our search engine (the shipped Wasm) against MiniSearch, FlexSearch, Lunr and Fuse.js in headless
# Chromium; writes its tables into bench/README.md. Uses the same app build as the tests.
bench-search: trustctl app
	scripts/npm-packages bench/search
	cd bench/search && TRUSTCTL=$(abspath $(TRUSTCTL)) APP_DIR=$(abspath $(APP_DIR)) node run.mjs

bench-questionnaire: trustctl app
	scripts/npm-packages bench/search
	scripts/npm-packages bench/questionnaire
	cd bench/questionnaire && TRUSTCTL=$(abspath $(TRUSTCTL)) APP_DIR=$(abspath $(APP_DIR)) node run.mjs

lint: setup
	cargo fmt --check
	cargo clippy --all-targets -- -D warnings
	$(WASM_ENV) cargo clippy --all-targets --target wasm32-unknown-unknown --no-default-features --features hydrate -- -D warnings
	$(WASM_ENV) cargo clippy --lib --bins --target wasm32-unknown-unknown --no-default-features --features hydrate,questionnaire-ui -- -D warnings
	$(WASM_ENV) cargo clippy --lib --bins --target wasm32-unknown-unknown --no-default-features --features worker -- -D warnings

fmt:
	cargo fmt

clean:
	rm -rf $(OUT) $(APP_DIR) $(APP_DIR)-questionnaire
