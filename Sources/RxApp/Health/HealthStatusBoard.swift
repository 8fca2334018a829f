import RxWire
import Synchronization

/// The serving status of the server as a whole (`""`) and of each registered service, with
/// subscribers for `Health/Watch`.
///
/// Lives outside the I/O threads: status changes come from the application (start, shutdown),
/// and every watcher gets each change through its own `AsyncStream`.
public final class HealthStatusBoard: Sendable {
    public typealias Status = HealthCheckResponse.ServingStatus

    private struct State {
        var statuses: [String: Status]
        var watchers: [Int: (service: String, continuation: AsyncStream<Status>.Continuation)] = [:]
        var nextWatcher = 0
        var closed = false
    }

    private let state: Mutex<State>

    /// - Parameter services: fully qualified service names the server offers.
    public init(services: [String]) {
        var statuses: [String: Status] = ["": .serving]
        for service in services { statuses[service] = .serving }
        self.state = Mutex(State(statuses: statuses))
    }

    /// The status of `service`, or `nil` if the server does not know it.
    public func status(of service: String) -> Status? {
        self.state.withLock { $0.statuses[service] }
    }

    public var all: [String: Status] { self.state.withLock { $0.statuses } }

    /// Sets every service's status and tells the watchers.
    public func setAll(_ status: Status) {
        let notify = self.state.withLock { state -> [(AsyncStream<Status>.Continuation, Status)] in
            for key in state.statuses.keys { state.statuses[key] = status }
            return state.watchers.values.map { ($0.continuation, status) }
        }
        for (continuation, status) in notify { continuation.yield(status) }
    }

    /// Ends every watch stream (at shutdown, after the final NOT_SERVING went out), so that
    /// in-flight `Watch` calls complete instead of holding the server open.
    public func close() {
        let continuations = self.state.withLock { state -> [AsyncStream<Status>.Continuation] in
            state.closed = true
            defer { state.watchers.removeAll() }
            return state.watchers.values.map(\.continuation)
        }
        for continuation in continuations { continuation.finish() }
    }

    /// A stream that starts with the current status of `service` (SERVICE_UNKNOWN if unknown)
    /// and yields every change until the board closes or the consumer stops.
    public func watch(_ service: String) -> AsyncStream<Status> {
        let (stream, continuation) = AsyncStream<Status>.makeStream(bufferingPolicy: .bufferingNewest(8))
        let (id, current, closed) = self.state.withLock { state -> (Int, Status, Bool) in
            let id = state.nextWatcher
            state.nextWatcher += 1
            if !state.closed { state.watchers[id] = (service, continuation) }
            return (id, state.statuses[service] ?? .serviceUnknown, state.closed)
        }
        continuation.yield(current)
        if closed { continuation.finish() }
        continuation.onTermination = { [weak self] _ in
            _ = self?.state.withLock { $0.watchers.removeValue(forKey: id) }
        }
        return stream
    }
}
