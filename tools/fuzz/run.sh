#!/usr/bin/env bash
# Fuzzes the decoders a hostile client reaches, with libFuzzer and AddressSanitizer.
#
#   tools/fuzz/run.sh [SECONDS_PER_TARGET] [TARGET…]     (default: 60 s each; targets: wire framer cms)
#
# Builds `rx-fuzz` in .build-fuzz/ with -sanitize=fuzzer,address, seeds each target with the saved
# inputs under Tests/RxFuzzTargetsTests/Regressions/<target>/, and runs it. Leak detection is off:
# the Swift runtime's lazily built metadata caches look like leaks to LeakSanitizer. A crash is copied there
# (so `swift test` replays it from then on) and the script exits non-zero.
set -euo pipefail
cd "$(dirname "$0")/../.."

seconds="${1:-60}"
shift || true
targets=("$@")
[ "${#targets[@]}" -eq 0 ] && targets=(wire framer cms)

swift build -c release --product rx-fuzz --scratch-path .build-fuzz \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -D -Xswiftc RX_FUZZ -Xswiftc -use-ld=lld
binary=".build-fuzz/release/rx-fuzz"

failed=0
for target in "${targets[@]}"; do
    regressions="Tests/RxFuzzTargetsTests/Regressions/$target"
    mkdir -p "$regressions"
    corpus="$(mktemp -d)"
    artifacts="$(mktemp -d)"
    echo "==> fuzzing $target for ${seconds}s"
    if ! ASAN_OPTIONS=detect_leaks=0 RX_FUZZ_TARGET="$target" RX_REPO_ROOT="$PWD" "$binary" \
        -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 -detect_leaks=0 \
        -artifact_prefix="$artifacts/" "$corpus" "$regressions" 2>&1 | tail -n 25; then
        true
    fi
    found=$(find "$artifacts" -type f | wc -l)
    if [ "$found" -gt 0 ]; then
        echo "!! $target: $found failing input(s); saved to $regressions for replay by swift test"
        for file in "$artifacts"/*; do cp "$file" "$regressions/$(basename "$file")"; done
        failed=1
    else
        echo "ok $target: no crash in ${seconds}s ($(find "$corpus" -type f | wc -l) corpus inputs)"
    fi
    rm -rf "$corpus" "$artifacts"
done
exit "$failed"
