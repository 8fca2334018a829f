#!/usr/bin/env python3
"""Prints the benchmark table from the JSON lines tools/bench/run.sh collected.

    python3 tools/bench/table.py RESULTS.jsonl [SECONDS]
"""

from __future__ import annotations

import json
import sys


def ms(micros: float | None) -> str:
    return "–" if micros is None else f"{micros / 1000:.1f}"


def main() -> int:
    records = [json.loads(line) for line in open(sys.argv[1]) if line.strip().startswith("{")]
    seconds = sys.argv[2] if len(sys.argv) > 2 else "?"
    loads = [r for r in records if "calls_per_second" in r or r.get("failed")]
    print(f"Load: {seconds} s measured per workload after 1 s warm-up; closed loop; each on a fresh rx-server")
    print("| workload | connections, calls in flight | calls/s | p50 ms | p99 ms | p99.9 ms | statuses | server CPU s | peak RSS MiB |")
    print("|---|---|---:|---:|---:|---:|---|---:|---:|")
    for r in loads:
        if r.get("failed"):
            print(f"| {r['name']} | | failed | | | | | | |")
            continue
        latency = r["latency_us"]
        statuses = ", ".join(f"{k} {v}" for k, v in sorted(r["statuses"].items()))
        if r.get("pool_exhausted"):
            statuses += f" (pool used up after {r['seconds']} s)"
        for check in r.get("dispense_checks", []):
            verdict = "consistent" if check["consistent"] else "INCONSISTENT"
            statuses += (f"; whole run {check['ok_calls']} OK / {check['refused_calls']} refused = "
                         f"{check['units_dispensed']} units dispensed, {check['over_dispensed_lines']} over-dispensed: {verdict}")
        rss = r.get("server_peak_rss_kib")
        print(f"| {r['name']} | {r['connections']}, {r['concurrency']} | {r['calls_per_second']:,.0f} | "
              f"{ms(latency['p50'])} | {ms(latency['p99'])} | {ms(latency['p999'])} | {statuses} | "
              f"{r.get('server_cpu_seconds', '–')} | {'–' if rss is None else f'{rss / 1024:.0f}'} |")
    by_name = {r["name"]: r for r in loads if not r.get("failed")}
    ours, ref = by_name.get("lookup"), by_name.get("lookup-reference")
    print()
    if ours and ref and ref["calls_per_second"]:
        print(f"Lookup vs gRPC C++ reference: calls/s ratio ours/reference {ours['calls_per_second'] / ref['calls_per_second']:.2f}×, "
              f"p99 {ms(ours['latency_us']['p99'])} ms vs {ms(ref['latency_us']['p99'])} ms")
    for r in records:
        if r.get("workload") == "idle-connections":
            full, resumed = r["full"], r["resumed"]
            per = full.get("server_rss_bytes_per_connection")
            line = (f"Idle mTLS connections: {full['opened']}/{r['connections']} held; server RSS "
                    f"{full.get('server_rss_kib_held', 0) / 1024:.0f} MiB")
            if per is not None:
                line += f", {per / 1024:.1f} KiB per connection (→ {per * 10000 / 2**20:.0f} MiB for 10,000 + base)"
            line += (f"; handshakes/s full {full['handshakes_per_second']:,.0f}, resumed "
                     f"{resumed['handshakes_per_second']:,.0f} ({resumed['resumed']} of {resumed['opened']} resumed)")
            if full.get("failures") or resumed.get("failures"):
                line += f"; failures {full.get('failures')} / {resumed.get('failures')}: {full.get('first_failure') or resumed.get('first_failure')}"
            print(line)
        elif r.get("workload") == "startup":
            print(f"Start-up to the 'started' log line with {r['products']:,} products and {r['interaction_rules']:,} rules: "
                  f"first start (seeding an empty database) {r['first_start_seconds']} s, restart {r['restart_seconds']} s")
        elif r.get("workload") == "interaction-check":
            values = r.get("ns_per_check") or []
            if len(values) >= 3:
                print(f"Interaction check, 10 new × 20 active lines, {r['rules']:,} rules: {values[1] / 1000:.1f} µs with prepared "
                      f"drugs (matching only {values[0] / 1000:.1f} µs; from names incl. resolution {values[2] / 1000:.1f} µs)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
