import RxTransport

/// One workload's share of a run: its connections, calls in flight and open-loop rate, and the TLS
/// context carrying the certificate its method requires.
struct LoadStream: Sendable {
    struct Shape: Sendable {
        var workload: Workload
        var connections: Int
        var concurrency: Int
        var rate: Double
    }

    let shape: Shape
    let tls: TLSContext

    /// Calls in flight on connection `index` of this stream.
    func inFlight(connection index: Int) -> Int {
        self.shape.concurrency / self.shape.connections + (index < self.shape.concurrency % self.shape.connections ? 1 : 0)
    }

    /// Nanoseconds between intended sends on one connection (open loop), or 0 for a closed loop.
    var interval: UInt64 {
        self.shape.rate > 0 ? UInt64(1e9 / (self.shape.rate / Double(self.shape.connections))) : 0
    }
}
