import Synchronization

/// Per-facility limits shared by every I/O thread: open connections and a call-rate token bucket.
///
/// One facility's software misbehaving (a retry storm, a leaked connection pool) must not take
/// capacity from the other facilities of the country, so both limits are keyed by the facility
/// code from the verified certificate rather than by IP address.
final class FacilityLimits: Sendable {
    private struct State {
        var connections: [String: Int] = [:]
        var buckets: [String: TokenBucket] = [:]
    }

    private let state = Mutex(State())
    let maxConnections: Int
    let callsPerSecond: Int
    let burst: Int

    init(maxConnections: Int, callsPerSecond: Int, burst: Int) {
        self.maxConnections = maxConnections
        self.callsPerSecond = callsPerSecond
        self.burst = max(burst, 1)
    }

    /// Claims a connection slot for `facility`; `false` when it already has `maxConnections`.
    func openConnection(facility: String) -> Bool {
        self.state.withLock { state in
            let open = state.connections[facility, default: 0]
            guard open < self.maxConnections else { return false }
            state.connections[facility] = open + 1
            return true
        }
    }

    func closeConnection(facility: String) {
        self.state.withLock { state in
            let open = state.connections[facility, default: 0] - 1
            state.connections[facility] = open > 0 ? open : nil
        }
    }

    /// Takes one call token for `facility`; `false` when its rate is exhausted.
    func admitCall(facility: String, now: MonotonicTime = .now()) -> Bool {
        guard self.callsPerSecond > 0 else { return true }
        return self.state.withLock { state in
            var bucket = state.buckets[facility] ?? TokenBucket(capacity: self.burst, perSecond: self.callsPerSecond)
            let admitted = bucket.take(now: now)
            state.buckets[facility] = bucket
            return admitted
        }
    }
}
