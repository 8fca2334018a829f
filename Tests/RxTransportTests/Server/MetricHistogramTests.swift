import Testing

@testable import RxTransport

@Suite("Metric histogram")
struct MetricHistogramTests {
    @Test("observations land in the first bucket whose bound they do not exceed; cumulative counts end at the total")
    func buckets() {
        var histogram = MetricHistogram(bounds: [0.1, 1])
        for value in [0.05, 0.1, 0.5, 3, 7] { histogram.observe(value) }
        #expect(histogram.counts == [2, 1, 2])
        #expect(histogram.cumulativeBuckets.map(\.count) == [2, 3, 5])
        #expect(histogram.cumulativeBuckets.last?.upperBound == .infinity)
        #expect(histogram.sum == 10.65)
        var other = MetricHistogram(bounds: [0.1, 1])
        other.observe(0.2)
        histogram.merge(other)
        #expect(histogram.counts == [2, 2, 2])
        #expect(histogram.count == 6)
    }

    @Test("calls recorded on different loops are merged per method and status")
    func serverMetricsMerge() {
        let metrics = ServerMetrics(shards: 2)
        metrics.recordCall(method: "/a.B/C", statusCode: 0, seconds: 0.001, loop: 0)
        metrics.recordCall(method: "/a.B/C", statusCode: 0, seconds: 0.002, loop: 1)
        metrics.recordCall(method: "/a.B/C", statusCode: 5, seconds: 0.003, loop: 3)
        let snapshot = metrics.snapshot()
        #expect(snapshot.calls["/a.B/C"]?.byStatus == [0: 2, 5: 1])
        #expect(snapshot.calls["/a.B/C"]?.latency.count == 3)
    }
}
