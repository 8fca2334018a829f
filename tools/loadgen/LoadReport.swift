import Foundation

/// The human table and the one JSON line a run prints.
struct LoadReport {
    let workload: String
    let connections: Int
    let concurrency: Int
    let rate: Double
    let outcome: LoadOutcome
    let before: ProcessSample?
    let after: ProcessSample?
    /// Wall-clock seconds between the two samples (warm-up included), for the server's CPU share.
    let sampledSeconds: Double
    var checks: [DispenseCheck] = []

    private var serverCPUSeconds: Double? {
        guard let before, let after else { return nil }
        return after.cpuSeconds - before.cpuSeconds
    }

    private static func statusList(_ statuses: [String: Int]) -> String {
        statuses.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
    }

    func table() -> String {
        let o = self.outcome
        var lines = [
            "workload \(self.workload), \(self.connections) connections, \(self.concurrency) in flight"
                + (self.rate > 0 ? ", open loop at \(Int(self.rate))/s" : ", closed loop"),
            String(format: "calls/s      %10.0f", o.callsPerSecond)
                + (o.poolExhausted ? String(format: "  (pool used up after %.2f s)", o.seconds) : ""),
            "calls        \(o.total)  (" + Self.statusList(o.statuses) + ")",
            "latency µs   p50 \(o.percentile(0.5))  p90 \(o.percentile(0.9))  p99 \(o.percentile(0.99))  "
                + "p99.9 \(o.percentile(0.999))  max \(o.sortedMicros.last ?? 0)",
        ]
        if o.statusesByWorkload.count > 1 {
            for (workload, statuses) in o.statusesByWorkload.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                let calls = statuses.values.reduce(0, +)
                lines.append("  " + workload.rawValue.padding(toLength: 20, withPad: " ", startingAt: 0)
                    + String(format: "%8.0f calls/s", Double(calls) / o.seconds) + "  (" + Self.statusList(statuses) + ")")
            }
        }
        if let cpu = self.serverCPUSeconds, let after {
            lines.append(String(format: "server       %.2f CPU s (%.0f%% of one core), peak RSS %d KiB", cpu,
                                cpu / max(self.sampledSeconds, 0.001) * 100, after.peakRSSKiB))
        }
        for check in self.checks { lines.append(check.description) }
        for failure in o.connectionFailures { lines.append("failed: \(failure)") }
        return lines.joined(separator: "\n")
    }

    func jsonLine() -> String {
        let o = self.outcome
        var object: [String: Any] = [
            "workload": self.workload, "connections": self.connections, "concurrency": self.concurrency,
            "rate": self.rate, "seconds": (o.seconds * 1000).rounded() / 1000,
            "calls_per_second": (o.callsPerSecond * 10).rounded() / 10,
            "ok": o.ok, "statuses": o.statuses, "pool_exhausted": o.poolExhausted,
            "latency_us": [
                "p50": o.percentile(0.5), "p90": o.percentile(0.9), "p99": o.percentile(0.99),
                "p999": o.percentile(0.999), "max": o.sortedMicros.last ?? 0,
            ],
        ]
        if o.statusesByWorkload.count > 1 {
            object["by_workload"] = Dictionary(uniqueKeysWithValues: o.statusesByWorkload.map { ($0.key.rawValue, $0.value) })
        }
        if !self.checks.isEmpty {
            object["dispense_checks"] = self.checks.map { check -> [String: Any] in
                [
                    "workload": check.workload.rawValue, "ok_calls": check.okCalls, "refused_calls": check.refusedCalls,
                    "units_dispensed": check.unitsDispensed, "over_dispensed_lines": check.overDispensedLines,
                    "consistent": check.passed,
                ]
            }
        }
        if let cpu = self.serverCPUSeconds, let after {
            object["server_cpu_seconds"] = (cpu * 100).rounded() / 100
            object["server_peak_rss_kib"] = after.peakRSSKiB
        }
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}
