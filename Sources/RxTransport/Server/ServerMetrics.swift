import Synchronization

/// Counters the transport keeps for `/metrics`: calls by method and status, call latency,
/// connections, TLS handshakes and streams in flight.
///
/// The hot path stays cheap: plain counters are relaxed atomics, and per-method call statistics go to
/// the recording loop's own shard (a lock no other loop takes), merged only when scraped.
public final class ServerMetrics: Sendable {
    /// Latency buckets in seconds, from sub-millisecond in-memory calls to multi-second timeouts.
    public static let latencyBounds: [Double] = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

    /// Calls of one method.
    public struct MethodCalls: Sendable {
        /// Calls by gRPC status code number.
        public var byStatus: [Int: Int] = [:]
        public var latency = MetricHistogram(bounds: ServerMetrics.latencyBounds)
    }

    /// What a scrape sees.
    public struct Snapshot: Sendable {
        /// By method path; calls to paths the router does not know are counted under "unknown".
        public var calls: [String: MethodCalls] = [:]
        public var openConnections = 0
        public var acceptedConnections = 0
        public var handshakesCompleted = 0
        public var handshakesFailed = 0
        public var inFlightStreams = 0
    }

    private final class Shard: Sendable {
        let calls = Mutex<[String: MethodCalls]>([:])
    }

    let openConnections = Atomic<Int>(0)
    let acceptedConnections = Atomic<Int>(0)
    let handshakesCompleted = Atomic<Int>(0)
    let handshakesFailed = Atomic<Int>(0)
    let inFlightStreams = Atomic<Int>(0)
    private let shards: [Shard]

    /// - Parameter shards: at least the number of I/O threads, so each loop records into its own.
    public init(shards: Int = 16) {
        self.shards = (0..<max(1, shards)).map { _ in Shard() }
    }

    func recordCall(method: String, statusCode: Int, seconds: Double, loop: Int) {
        self.shards[loop % self.shards.count].calls.withLock { calls in
            calls[method, default: MethodCalls()].byStatus[statusCode, default: 0] += 1
            calls[method, default: MethodCalls()].latency.observe(seconds)
        }
    }

    /// Merges every shard and reads the counters.
    public func snapshot() -> Snapshot {
        var snapshot = Snapshot()
        for shard in self.shards {
            let calls = shard.calls.withLock { $0 }
            for (method, share) in calls {
                var merged = snapshot.calls[method, default: MethodCalls()]
                merged.byStatus.merge(share.byStatus, uniquingKeysWith: +)
                merged.latency.merge(share.latency)
                snapshot.calls[method] = merged
            }
        }
        snapshot.openConnections = self.openConnections.load(ordering: .relaxed)
        snapshot.acceptedConnections = self.acceptedConnections.load(ordering: .relaxed)
        snapshot.handshakesCompleted = self.handshakesCompleted.load(ordering: .relaxed)
        snapshot.handshakesFailed = self.handshakesFailed.load(ordering: .relaxed)
        snapshot.inFlightStreams = self.inFlightStreams.load(ordering: .relaxed)
        return snapshot
    }
}
