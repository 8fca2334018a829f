#!/usr/bin/env bash
# The one test command: Swift unit tests, then the grpcio/HTTP/2 interoperability suite
# against the freshly built rx-server. Exits non-zero on the first failing stage.
set -euo pipefail
cd "$(dirname "$0")/.."

stage() { printf '\n==> %s\n' "$*"; }

stage "Installing system packages and Python tools (when possible)"
bash tools/install-deps.sh

stage "Building (debug, with tests)"
swift build --build-tests

stage "Swift tests"
# Serial: several suites run a real server whose handlers need Swift's cooperative pool, which on a
# 2-core machine has two threads; a neighbouring suite blocking them in parallel would starve those
# handlers and make timing-free tests flaky. Serial costs a few seconds.
swift test --skip-build --no-parallel

stage "Interoperability suite (grpcio, h2, ssl, h2load)"
RX_SERVER_BIN="$(swift build --show-bin-path)/rx-server"
export RX_SERVER_BIN
python3 -m pytest -q Tests/interop

# Every target shares one time budget (30 targets: ~10 s each); `tools/fuzz/run.sh 60` gives each a minute.
stage "Fuzzing smoke run (libFuzzer + AddressSanitizer, ${RX_FUZZ_TOTAL_SECONDS:-300} s over all targets)"
bash tools/fuzz/run.sh --total "${RX_FUZZ_TOTAL_SECONDS:-300}"

stage "All tests passed"
