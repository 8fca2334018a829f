import ArgumentParser

/// The weights of a `mixed` run, e.g. `lookup=8,submit=1,dispense=1`.
///
/// Each component runs on its own connections (each workload needs its own certificate role), with a
/// share of the connections and of the calls in flight proportional to its weight. In an open loop
/// (`--rate`) the weights are exact shares of the calls; in a closed loop they are shares of the
/// streams kept busy, so a slower method completes fewer calls than its weight suggests.
struct WorkloadMix: ExpressibleByArgument, Sendable, CustomStringConvertible {
    let weights: [(workload: Workload, weight: Int)]

    init?(argument: String) {
        var weights: [(workload: Workload, weight: Int)] = []
        for part in argument.split(separator: ",") {
            let pair = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2, let workload = Workload(rawValue: pair[0]), workload != .mixed,
                let weight = Int(pair[1]), weight > 0, !weights.contains(where: { $0.workload == workload })
            else { return nil }
            weights.append((workload, weight))
        }
        guard !weights.isEmpty else { return nil }
        self.weights = weights
    }

    static let standard = WorkloadMix(argument: "lookup=12,product=5,health=2,interactions=1")

    var description: String { self.weights.map { "\($0.workload.rawValue)=\($0.weight)" }.joined(separator: ",") }

    /// Connections, calls in flight and open-loop rate of each component.
    func split(connections: Int, concurrency: Int, rate: Double) -> [LoadStream.Shape] {
        let total = Double(self.weights.reduce(0) { $0 + $1.weight })
        return self.weights.map { workload, weight in
            let share = Double(weight) / total
            let streamConnections = max(1, Int((Double(connections) * share).rounded()))
            return LoadStream.Shape(
                workload: workload, connections: streamConnections,
                concurrency: max(streamConnections, Int((Double(concurrency) * share).rounded())),
                rate: rate * share)
        }
    }
}
