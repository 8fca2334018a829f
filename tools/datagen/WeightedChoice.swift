import Foundation

/// Draws indexes with given weights (cumulative table and binary search).
struct WeightedChoice: Sendable {
    private let cumulative: [Double]

    init(_ weights: [Double]) {
        var total = 0.0
        self.cumulative = weights.map { total += $0; return total }
    }

    /// Zipf-like weights 1/(rank+1)^s: a long tail where a few items dominate.
    static func zipf(count: Int, exponent: Double) -> WeightedChoice {
        WeightedChoice((0..<count).map { 1 / pow(Double($0 + 1), exponent) })
    }

    func draw(_ generator: inout SplitMix64) -> Int {
        guard let total = self.cumulative.last, total > 0 else { return 0 }
        let target = Double(generator.next() >> 11) / Double(1 << 53) * total
        var low = 0
        var high = self.cumulative.count - 1
        while low < high {
            let middle = (low + high) / 2
            if self.cumulative[middle] <= target { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
