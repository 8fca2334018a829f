#!/usr/bin/env bash
# Lookups over mTLS against rx-server and against the stock gRPC C++ reference server, one after the
# other on the same machine with the same load generator, then the ratio.
#
#   tools/bench/compare-reference.sh [SECONDS] [CONNECTIONS] [CONCURRENCY]    (default 10 4 256)
#
# Both servers answer the same prescriptions with byte-identical responses (the reference loads what
# rx-server returned). rx-server runs with its per-facility rate limit off, since one certificate
# drives all the load. Prints both JSON lines and "ratio calls/s ours/reference".
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-10}"; connections="${2:-4}"; concurrency="${3:-256}"

swift build -c release --product rx-server >/dev/null
swift build -c release --product rx-loadgen >/dev/null
bin="$(swift build -c release --show-bin-path)"
reference="$(bash tools/reference-server/build.sh | tail -n 1)"
work="$(mktemp -d)"
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

"$bin/rx-server" --port 50061 --data-dir "$work/data" --calls-per-second-per-facility 0 ${RX_SERVER_FLAGS:-} 2>"$work/rx.log" &
ours=$!
sleep 2
"$bin/rx-loadgen" --server localhost:50061 --workload lookup --prescriptions 500 --fixtures-out "$work/fixtures.tsv" \
    --duration "$seconds" --connections "$connections" --concurrency "$concurrency" --server-pid "$ours" \
    --json | tail -n 1 | tee "$work/ours.json"
kill -TERM "$ours"; wait "$ours" || true

"$reference" --port 50062 --certs Certs/dev --fixtures "$work/fixtures.tsv" 2>"$work/ref.log" &
theirs=$!
sleep 1
"$bin/rx-loadgen" --server localhost:50062 --workload lookup --fixtures-in "$work/fixtures.tsv" \
    --duration "$seconds" --connections "$connections" --concurrency "$concurrency" --server-pid "$theirs" \
    --json | tail -n 1 | tee "$work/reference.json"
kill -TERM "$theirs"; wait "$theirs" || true

python3 - "$work/ours.json" "$work/reference.json" <<'PY'
import json, sys
ours, ref = (json.load(open(p)) for p in sys.argv[1:3])
print(f"ratio calls/s ours/reference: {ours['calls_per_second'] / ref['calls_per_second']:.2f}")
print(f"p99 µs ours {ours['latency_us']['p99']}  reference {ref['latency_us']['p99']}")
print(f"server CPU s ours {ours.get('server_cpu_seconds')}  reference {ref.get('server_cpu_seconds')}")
PY
