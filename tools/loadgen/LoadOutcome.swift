/// Merged tallies of a run: throughput and exact latency percentiles of the successful calls.
struct LoadOutcome: Sendable {
    let statuses: [String: Int]
    let sortedMicros: [UInt32]
    let seconds: Double
    let connectionFailures: [String]

    init(tallies: [ConnectionTally], seconds: Double, connectionFailures: [String]) {
        var statuses: [String: Int] = [:]
        var latencies: [UInt32] = []
        for tally in tallies {
            statuses.merge(tally.statuses, uniquingKeysWith: +)
            latencies.append(contentsOf: tally.latencies)
        }
        self.statuses = statuses
        self.sortedMicros = latencies.sorted()
        self.seconds = seconds
        self.connectionFailures = connectionFailures
    }

    var ok: Int { self.statuses["OK"] ?? 0 }
    var total: Int { self.statuses.values.reduce(0, +) }
    var callsPerSecond: Double { Double(self.total) / self.seconds }

    /// The latency (µs) at quantile `q` (0…1) of successful calls.
    func percentile(_ q: Double) -> UInt32 {
        guard !self.sortedMicros.isEmpty else { return 0 }
        let index = min(self.sortedMicros.count - 1, Int((q * Double(self.sortedMicros.count)).rounded(.up)) - 1)
        return self.sortedMicros[max(0, index)]
    }
}
