import Logging
import Synchronization

/// What every connection of one server shares: routes, limits, TLS context, the connection count.
/// Immutable apart from the atomics, so it is shared by reference across I/O threads.
final class ConnectionEnvironment: Sendable {
    let configuration: ServerConfiguration
    let router: Router
    let tls: TLSContext
    let logger: Logger
    let openConnections = Atomic<Int>(0)
    let acceptedConnections = Atomic<Int>(0)
    let draining = Atomic<Bool>(false)
    let facilities: FacilityLimits
    let metrics: ServerMetrics

    init(configuration: ServerConfiguration, router: Router, tls: TLSContext, logger: Logger, metrics: ServerMetrics) {
        self.metrics = metrics
        self.configuration = configuration
        self.router = router
        self.tls = tls
        self.logger = logger
        self.facilities = FacilityLimits(
            maxConnections: configuration.maxConnectionsPerFacility,
            callsPerSecond: configuration.callsPerSecondPerFacility, burst: configuration.callBurstPerFacility,
            coolDownMilliseconds: configuration.abuseCoolDownMilliseconds)
    }

    /// Claims a connection slot; `false` when the server is at `maxConnections`.
    func reserveConnection() -> Bool {
        let now = self.openConnections.add(1, ordering: .relaxed).newValue
        if now > self.configuration.maxConnections {
            self.openConnections.subtract(1, ordering: .relaxed)
            return false
        }
        self.acceptedConnections.add(1, ordering: .relaxed)
        self.metrics.acceptedConnections.add(1, ordering: .relaxed)
        self.metrics.openConnections.add(1, ordering: .relaxed)
        return true
    }

    func releaseConnection() {
        self.openConnections.subtract(1, ordering: .relaxed)
        self.metrics.openConnections.subtract(1, ordering: .relaxed)
    }
}
