import Synchronization

/// Per-facility limits shared by every I/O thread: open connections, a call-rate token bucket, and a
/// cool-down after abuse.
///
/// One facility's software misbehaving (a retry storm, a leaked connection pool) must not take
/// capacity from the other facilities of the country, so both limits are keyed by the facility
/// code from the verified certificate rather than by IP address.
final class FacilityLimits: Sendable {
    /// Whether a facility that has just completed a handshake may keep its connection.
    enum Admission: Equatable {
        case admitted
        case atConnectionLimit
        /// A connection of this facility was closed for abuse less than the cool-down ago.
        case coolingDown(remainingMilliseconds: Int)
    }

    private struct State {
        var connections: [String: Int] = [:]
        var buckets: [String: TokenBucket] = [:]
        var coolingUntil: [String: MonotonicTime] = [:]
    }

    private let state = Mutex(State())
    let maxConnections: Int
    let callsPerSecond: Int
    let burst: Int
    let coolDownMilliseconds: Int

    init(maxConnections: Int, callsPerSecond: Int, burst: Int, coolDownMilliseconds: Int = 0) {
        self.maxConnections = maxConnections
        self.callsPerSecond = callsPerSecond
        self.burst = max(burst, 1)
        self.coolDownMilliseconds = max(coolDownMilliseconds, 0)
    }

    /// Claims a connection slot for `facility`, unless it already has `maxConnections` or is cooling
    /// down after abuse.
    func openConnection(facility: String, now: MonotonicTime = .now()) -> Admission {
        self.state.withLock { state in
            if let until = state.coolingUntil[facility] {
                if now < until {
                    return .coolingDown(remainingMilliseconds: Int(until.nanoseconds(since: now) / 1_000_000) + 1)
                }
                state.coolingUntil[facility] = nil
            }
            let open = state.connections[facility, default: 0]
            guard open < self.maxConnections else { return .atConnectionLimit }
            state.connections[facility] = open + 1
            return .admitted
        }
    }

    /// Starts (or restarts) `facility`'s cool-down: a client that had a connection closed for abuse
    /// (rapid reset) would otherwise reconnect at once and go on, and each new connection costs a
    /// TLS handshake plus the streams it opens before the budget runs out again. During the cool-down
    /// its new connections are closed right after the handshake; open ones are left alone.
    func penalize(facility: String, now: MonotonicTime = .now()) {
        guard self.coolDownMilliseconds > 0 else { return }
        self.state.withLock { state in
            state.coolingUntil[facility] = now.adding(milliseconds: self.coolDownMilliseconds)
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
