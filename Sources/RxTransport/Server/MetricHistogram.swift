/// Observations counted into fixed buckets, as Prometheus histograms expose them.
///
/// `counts[i]` holds the observations in `(bounds[i-1], bounds[i]]`; the last element counts those
/// above every bound (`+Inf`). Cumulative counts are computed only when rendered.
public struct MetricHistogram: Sendable, Hashable {
    public let bounds: [Double]
    public private(set) var counts: [Int]
    public private(set) var sum: Double = 0
    public private(set) var count = 0

    public init(bounds: [Double]) {
        self.bounds = bounds
        self.counts = Array(repeating: 0, count: bounds.count + 1)
    }

    public mutating func observe(_ value: Double) {
        var index = 0
        while index < self.bounds.count, value > self.bounds[index] { index += 1 }
        self.counts[index] += 1
        self.sum += value
        self.count += 1
    }

    /// Adds another histogram with the same bounds (e.g. one I/O loop's share).
    public mutating func merge(_ other: MetricHistogram) {
        precondition(other.bounds == self.bounds, "merging histograms with different buckets")
        for index in self.counts.indices { self.counts[index] += other.counts[index] }
        self.sum += other.sum
        self.count += other.count
    }

    /// `(upper bound, observations ≤ bound)` for each bound and then `+Inf`, as `_bucket{le=…}` lines need.
    public var cumulativeBuckets: [(upperBound: Double, count: Int)] {
        var running = 0
        return self.counts.enumerated().map { index, count in
            running += count
            return (index < self.bounds.count ? self.bounds[index] : .infinity, running)
        }
    }
}
