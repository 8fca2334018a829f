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

    private var serverCPUSeconds: Double? {
        guard let before, let after else { return nil }
        return after.cpuSeconds - before.cpuSeconds
    }

    func table() -> String {
        let o = self.outcome
        var lines = [
            "workload \(self.workload), \(self.connections) connections, \(self.concurrency) in flight"
                + (self.rate > 0 ? ", open loop at \(Int(self.rate))/s" : ", closed loop"),
            String(format: "calls/s      %10.0f", o.callsPerSecond),
            "calls        \(o.total)  (" + o.statuses.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
                .joined(separator: ", ") + ")",
            "latency µs   p50 \(o.percentile(0.5))  p90 \(o.percentile(0.9))  p99 \(o.percentile(0.99))  "
                + "p99.9 \(o.percentile(0.999))  max \(o.sortedMicros.last ?? 0)",
        ]
        if let cpu = self.serverCPUSeconds, let after {
            lines.append(String(format: "server       %.2f CPU s (%.0f%% of one core), peak RSS %d KiB", cpu,
                                cpu / o.seconds * 100, after.peakRSSKiB))
        }
        for failure in o.connectionFailures { lines.append("failed: \(failure)") }
        return lines.joined(separator: "\n")
    }

    func jsonLine() -> String {
        let o = self.outcome
        var object: [String: Any] = [
            "workload": self.workload, "connections": self.connections, "concurrency": self.concurrency,
            "rate": self.rate, "seconds": o.seconds, "calls_per_second": (o.callsPerSecond * 10).rounded() / 10,
            "ok": o.ok, "statuses": o.statuses,
            "latency_us": [
                "p50": o.percentile(0.5), "p90": o.percentile(0.9), "p99": o.percentile(0.99),
                "p999": o.percentile(0.999), "max": o.sortedMicros.last ?? 0,
            ],
        ]
        if let cpu = self.serverCPUSeconds, let after {
            object["server_cpu_seconds"] = (cpu * 100).rounded() / 100
            object["server_peak_rss_kib"] = after.peakRSSKiB
        }
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}
