#!/usr/bin/env bash
# Fuzzes the decoders a hostile client reaches and the importers of the data files, with libFuzzer and
# AddressSanitizer.
#
#   tools/fuzz/run.sh [SECONDS_PER_TARGET] [TARGET…]      default: 60 s for each target
#   tools/fuzz/run.sh --total SECONDS [TARGET…]           SECONDS split evenly over the targets (≥ 5 s each)
#
# TARGET is a name or a shell pattern over the names, e.g. `cms`, `'request-*'`, `'*-csv'`. The targets
# are the folders of Tests/RxFuzzTargetsTests/Regressions/ (a test keeps them equal to `rx-fuzz --list`):
# wire, framer, cms, one `request-<message>` per RPC request type, catalog-csv, interactions-csv,
# synonyms-csv, prescription-content, and cms-fast-path (a verifier that knows the development doctors
# must answer as a fresh one). CI runs `--total 300` (30 targets: 10 s each, about 5 minutes in
# all, plus the build).
#
# Builds `rx-fuzz` in .build-fuzz/ with -sanitize=fuzzer,address, seeds each target with the saved
# inputs under Tests/RxFuzzTargetsTests/Regressions/<target>/ (seed-* files come from
# tools/fuzz/make-seeds.py), and runs it. Leak detection is off: the Swift runtime's lazily built
# metadata caches look like leaks to LeakSanitizer. A crash is copied there (so `swift test` replays
# it from then on) and the script exits non-zero.
set -euo pipefail
cd "$(dirname "$0")/../.."
regressions_root="Tests/RxFuzzTargetsTests/Regressions"

total=""
if [ "${1:-}" = "--total" ]; then
    total="${2:?--total needs a number of seconds}"
    shift 2
    seconds=0
else
    seconds="${1:-60}"
    shift || true
fi

mapfile -t known < <(find "$regressions_root" -mindepth 1 -maxdepth 1 -type d -printf '%f\n' | sort)
patterns=("$@")
[ "${#patterns[@]}" -eq 0 ] && patterns=("*")
targets=()
for pattern in "${patterns[@]}"; do
    matched=0
    for name in "${known[@]}"; do
        # shellcheck disable=SC2053  # the pattern is meant to glob
        if [[ "$name" == $pattern ]]; then targets+=("$name"); matched=1; fi
    done
    [ "$matched" -eq 1 ] || { echo "no fuzz target matches '$pattern' (known: ${known[*]})" >&2; exit 2; }
done
if [ -n "$total" ]; then
    seconds=$(( total / ${#targets[@]} ))
    [ "$seconds" -lt 5 ] && seconds=5
fi
echo "==> ${#targets[@]} target(s), ${seconds}s each"

swift build -c release --product rx-fuzz --scratch-path .build-fuzz \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -D -Xswiftc RX_FUZZ -Xswiftc -use-ld=lld
binary=".build-fuzz/release/rx-fuzz"

failed=0
for target in "${targets[@]}"; do
    regressions="$regressions_root/$target"
    corpus="$(mktemp -d)"
    artifacts="$(mktemp -d)"
    log="$(mktemp)"
    ASAN_OPTIONS=detect_leaks=0 RX_FUZZ_TARGET="$target" RX_REPO_ROOT="$PWD" "$binary" \
        -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 -detect_leaks=0 \
        -artifact_prefix="$artifacts/" "$corpus" "$regressions" >"$log" 2>&1 || true
    found=$(find "$artifacts" -type f | wc -l)
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    if [ "$found" -gt 0 ]; then
        tail -n 40 "$log"
        echo "!! $target: $found failing input(s); saved to $regressions for replay by swift test"
        for file in "$artifacts"/*; do cp "$file" "$regressions/$(basename "$file")"; done
        failed=1
    elif [ -z "$runs" ]; then
        tail -n 40 "$log"
        echo "!! $target: the fuzzer did not run"
        failed=1
    else
        echo "ok $target: ${runs} runs in ${seconds}s, no crash ($(find "$corpus" -type f | wc -l) new corpus inputs)"
    fi
    rm -rf "$corpus" "$artifacts" "$log"
done
exit "$failed"
