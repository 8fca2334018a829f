import Logging
import RxPrescriptions
import RxStore
import RxTransport
import RxWire

/// `rx.v1.Statistics`: regulators' figures over the aggregates ``StatisticsRecorder`` keeps current, and
/// controlled-substance monitoring. Every method reads the database, so all run on the task pool.
///
/// Statistics carry no patient identity and suppress cells of fewer than 5 patients; controlled-substance
/// alerts do name patients, so each alert read is written to the audit chain before it is sent.
public struct StatisticsService: Sendable {
    /// The gRPC service name.
    public static let serviceName = ServiceSchema.statistics.name

    let store: Store
    let clock: PrescriptionClock
    let logger: Logger
    let applier: StatisticsApplier?

    /// - Parameters:
    ///   - store: opened with ``StatisticsSchema`` and the prescription migrations applied.
    ///   - applier: the applier of the statistics outbox when changes go through ``StatisticsOutbox``:
    ///     every method first waits for the events committed before the call (read your own writes).
    public init(store: Store, clock: PrescriptionClock = .system, logger: Logger, applier: StatisticsApplier? = nil) {
        self.store = store
        self.clock = clock
        self.logger = logger
        self.applier = applier
    }

    /// Waits until the aggregates include every change committed before the call.
    public func catchUp() async throws {
        guard let applier = self.applier else { return }
        do {
            try await applier.drain()
        } catch {
            let mapped = Self.rpcError(error)
            if mapped.code == .internal {
                self.logger.error("statistics outbox drain failed", metadata: ["error": "\(error)"])
            }
            throw mapped
        }
    }

    /// The full method path of `method`, e.g. "/rx.v1.Statistics/Query".
    public static func path(_ method: String) -> String { "/\(self.serviceName)/\(method)" }

    /// Registers every method.
    ///
    /// - Parameter access: the role rule per method path (RxApp passes `AccessPolicy.access(for:)`).
    public func register(in router: inout Router, access: (String) -> MethodAccess) {
        let service = self
        router.registerServerStreaming(Self.path("Query"), access: access(Self.path("Query"))) {
            (request: StatisticsQuery, writer: ServerStreamWriter<StatisticsRow>, _) in
            try await service.catchUp()
            for row in try service.query(request) { try await writer.send(row) }
        }
        router.registerServerStreaming(Self.path("TopN"), access: access(Self.path("TopN"))) {
            (request: StatisticsTopNRequest, writer: ServerStreamWriter<StatisticsTopNEntry>, _) in
            try await service.catchUp()
            for entry in try service.topN(request) { try await writer.send(entry) }
        }
        router.registerUnary(Self.path("Rates"), access: access(Self.path("Rates"))) {
            (request: StatisticsRatesRequest, _) in
            try await service.catchUp()
            return try service.rates(request)
        }
        router.registerServerStreaming(
            Self.path("ControlledSubstanceAlerts"), access: access(Self.path("ControlledSubstanceAlerts"))
        ) { (request: ControlledSubstanceAlertsRequest, writer: ServerStreamWriter<ControlledSubstanceAlert>, context) in
            for alert in try await service.controlledSubstanceAlerts(request, caller: context.identity) {
                try await writer.send(alert)
            }
        }
    }

    /// The rows of a statistics query.
    public func query(_ request: StatisticsQuery) throws -> [StatisticsRow] {
        let now = self.clock.now()
        return try self.reading { try StatisticsReader.rows(request, now: now, on: $0) }
    }

    /// The top ingredients or products.
    public func topN(_ request: StatisticsTopNRequest) throws -> [StatisticsTopNEntry] {
        try self.reading { try StatisticsReader.top(request, on: $0) }
    }

    /// Dispensing, substitution and interaction rates.
    public func rates(_ request: StatisticsRatesRequest) throws -> StatisticsRates {
        try self.reading { try StatisticsReader.rates(request, on: $0) }
    }

    /// The alerts of the window, each prescription they name recorded in the audit chain as read by the
    /// caller (one write, before anything is sent).
    public func controlledSubstanceAlerts(_ request: ControlledSubstanceAlertsRequest, caller: FacilityIdentity)
        async throws -> [ControlledSubstanceAlert]
    {
        try await self.catchUp()
        let now = self.clock.now()
        let alerts = try self.reading { try ControlledSubstanceMonitor.alerts(request, now: now, on: $0) }
        guard !alerts.isEmpty else { return alerts }
        let role = caller.roles.map(\.rawValue).sorted().joined(separator: ",")
        let facility = caller.facilityCode
        let codes = alerts.flatMap(\.prescriptionCodes)
        do {
            try await self.store.write { connection in
                for code in codes {
                    try AuditLog.append(
                        on: connection, at: now, facilityCode: facility, role: role, method: "ControlledSubstanceAlerts",
                        code: code, result: "OK")
                }
            }
        } catch {
            throw Self.rpcError(error)
        }
        return alerts
    }

    private func reading<Result>(_ body: (SQLiteConnection) throws -> Result) throws -> Result {
        do {
            return try self.store.read(body)
        } catch {
            let mapped = Self.rpcError(error)
            if mapped.code == .internal {
                self.logger.error("statistics read failed", metadata: ["error": "\(error)"])
            }
            throw mapped
        }
    }

    static func rpcError(_ error: any Error) -> RPCError {
        switch error {
        case let error as StoreError where error.code == .overloaded:
            RPCError(.resourceExhausted, "the store is overloaded; retry later")
        case let error as StoreError where error.code == .closed:
            RPCError(.unavailable, "the server is shutting down")
        case let error as StoreError where error.code == .busy:
            RPCError(.unavailable, "the database is busy; retry")
        default:
            RPCError(mapping: error)
        }
    }
}
