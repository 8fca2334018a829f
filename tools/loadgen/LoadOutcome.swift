/// Merged tallies of a run: throughput and exact latency percentiles of the successful calls.
struct LoadOutcome: Sendable {
    let statuses: [String: Int]
    let sortedMicros: [UInt32]
    let seconds: Double
    let connectionFailures: [String]
    /// Set when a pre-built pool (signed submissions, units to dispense) ran out before the end: the
    /// rate is then over the time until the last measured call completed.
    let poolExhausted: Bool
    /// Statuses of the measured window per workload (more than one in a mix).
    let statusesByWorkload: [Workload: [String: Int]]
    /// Statuses of every call of the run, warm-up included, per workload.
    let statusesAnyTimeByWorkload: [Workload: [String: Int]]

    init(tallies: [ConnectionTally], window: Window, duration: Double, connectionFailures: [String]) {
        var statuses: [String: Int] = [:]
        var byWorkload: [Workload: [String: Int]] = [:]
        var anyTime: [Workload: [String: Int]] = [:]
        var latencies: [UInt32] = []
        for tally in tallies {
            statuses.merge(tally.statuses, uniquingKeysWith: +)
            byWorkload[tally.workload, default: [:]].merge(tally.statuses, uniquingKeysWith: +)
            anyTime[tally.workload, default: [:]].merge(tally.statusesAnyTime, uniquingKeysWith: +)
            latencies.append(contentsOf: tally.latencies)
        }
        self.statuses = statuses
        self.statusesByWorkload = byWorkload
        self.statusesAnyTimeByWorkload = anyTime
        self.sortedMicros = latencies.sorted()
        self.connectionFailures = connectionFailures
        self.poolExhausted = tallies.contains { $0.poolExhaustedAt != nil }
        let lastCompletion = tallies.compactMap(\.lastMeasuredCompletion).max()
        if self.poolExhausted, let lastCompletion, lastCompletion > window.measureFrom {
            self.seconds = min(duration, Double(lastCompletion.nanoseconds(since: window.measureFrom)) / 1e9)
        } else {
            self.seconds = duration
        }
    }

    var ok: Int { self.statuses["OK"] ?? 0 }
    var total: Int { self.statuses.values.reduce(0, +) }
    var callsPerSecond: Double { self.seconds > 0 ? Double(self.total) / self.seconds : 0 }

    /// The latency (µs) at quantile `q` (0…1) of successful calls.
    func percentile(_ q: Double) -> UInt32 {
        guard !self.sortedMicros.isEmpty else { return 0 }
        let index = min(self.sortedMicros.count - 1, Int((q * Double(self.sortedMicros.count)).rounded(.up)) - 1)
        return self.sortedMicros[max(0, index)]
    }
}
