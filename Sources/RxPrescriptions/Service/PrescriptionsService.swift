import Logging
import RxSignature
import RxStore
import RxTransport
import RxWire

/// `rx.v1.Prescriptions`: the path of every prescription from the doctor's signature to the pharmacy
/// counter.
///
/// Every change runs in one write body on the store's single writer: the state checks, the guarded
/// updates, the idempotency record and the audit entry commit together or not at all, and the writer's
/// serial order is what makes "never below zero" hold under concurrent dispenses. Expensive work
/// (signature verification, validation, screening) happens before the write, outside the writer.
public struct PrescriptionsService: Sendable {
    /// The gRPC service name.
    public static let serviceName = ServiceSchema.prescriptions.name
    /// Longest idempotency key accepted, in bytes.
    public static let maximumIdempotencyKeyBytes = 128
    /// Longest cancellation reason accepted, in bytes.
    public static let maximumReasonBytes = 1_000

    let store: Store
    let verifier: any SignatureVerifier
    let products: any ProductDirectory
    let screening: any InteractionScreening
    let clock: PrescriptionClock
    let logger: Logger
    /// Told of every committed change inside the write (statistics keep their aggregates current).
    let events: any PrescriptionEventSink
    /// Draws a new code; replaceable so tests can force collisions.
    let generateCode: @Sendable (_ facilityCode: String, _ type: PrescriptionType) -> PrescriptionCode
    /// Where blocking reads and signature verification run, off Swift's cooperative threads.
    let work: BlockingWorkPool

    /// - Parameters:
    ///   - store: opened with ``PrescriptionSchema`` migrations applied.
    ///   - verifier: production passes `CMSVerifier` loaded with the prescriber-signing CA only.
    ///   - products: the drug catalog.
    ///   - screening: the interaction checker.
    ///   - clock: "now" for validity and audit times.
    ///   - events: called inside each write transaction with the change just made.
    ///   - work: the threads for the blocking and CPU-heavy steps before a write (one per core by default).
    public init(
        store: Store, verifier: any SignatureVerifier, products: any ProductDirectory,
        screening: any InteractionScreening, clock: PrescriptionClock = .system, logger: Logger,
        events: any PrescriptionEventSink = NoPrescriptionEvents(),
        generateCode: @escaping @Sendable (_ facilityCode: String, _ type: PrescriptionType) -> PrescriptionCode = {
            facilityCode, type in
            var generator = SystemRandomNumberGenerator()
            return PrescriptionCode.generate(facilityCode: facilityCode, type: type, using: &generator)
        },
        work: BlockingWorkPool = .shared
    ) {
        self.store = store
        self.verifier = verifier
        self.products = products
        self.screening = screening
        self.clock = clock
        self.logger = logger
        self.events = events
        self.generateCode = generateCode
        self.work = work
    }

    /// The full method path of `method`, e.g. "/rx.v1.Prescriptions/Submit".
    public static func path(_ method: String) -> String { "/\(self.serviceName)/\(method)" }

    /// Registers the methods: writes on the task pool; Get, the hot read, deferred (see
    /// ``get(_:caller:reply:)``).
    ///
    /// - Parameter access: the role rule per method path (RxApp passes `AccessPolicy.access(for:)`).
    public func register(in router: inout Router, access: (String) -> MethodAccess) {
        let service = self
        router.registerUnary(Self.path("Submit"), access: access(Self.path("Submit"))) {
            (request: SubmitPrescriptionRequest, context) in
            try await service.submit(request, caller: context.identity)
        }
        router.registerUnary(Self.path("Replace"), access: access(Self.path("Replace"))) {
            (request: ReplacePrescriptionRequest, context) in
            try await service.replace(request, caller: context.identity)
        }
        router.registerDeferred(Self.path("Get"), access: access(Self.path("Get"))) {
            (request: GetPrescriptionRequest, context, reply: UnaryReply<GetPrescriptionResponse>) in
            service.get(request, caller: context.identity) { reply($0) }
        }
        router.registerUnary(Self.path("Dispense"), access: access(Self.path("Dispense"))) {
            (request: DispensePrescriptionRequest, context) in
            try await service.dispense(request, caller: context.identity)
        }
        router.registerUnary(Self.path("Cancel"), access: access(Self.path("Cancel"))) {
            (request: CancelPrescriptionRequest, context) in
            try await service.cancel(request, caller: context.identity)
        }
        router.registerUnary(Self.path("AuditVerify"), access: access(Self.path("AuditVerify"))) {
            (_: AuditVerifyRequest, _) in
            try service.auditVerify()
        }
    }

    // MARK: Shared steps

    /// The caller's roles as recorded in audit entries.
    static func roles(of caller: FacilityIdentity) -> String {
        caller.roles.map(\.rawValue).sorted().joined(separator: ",")
    }

    /// Runs `body` and, when it fails for a prescription that `code` names, records the refusal in the
    /// audit log (the failed write itself was rolled back with everything it did).
    func audited<Result: Sendable>(
        method: String, code: String?, caller: FacilityIdentity, _ body: () async throws -> Result
    ) async throws -> Result {
        do {
            return try await body()
        } catch {
            let mapped = self.refusal(for: error, method: method)
            if let code {
                try await self.appendAudit(method: method, code: code, caller: caller, result: mapped.code.name)
            }
            throw mapped
        }
    }

    /// The status a failed call answers with; unexpected failures (`INTERNAL`) are logged here, once.
    func refusal(for error: any Error, method: String) -> RPCError {
        let mapped = Self.rpcError(error)
        if mapped.code == .internal {
            self.logger.error("prescription call failed", metadata: ["method": "\(method)", "error": "\(error)"])
        }
        return mapped
    }

    /// Appends one audit entry in a write of its own and calls `completion` on the writer thread once
    /// it has committed. Reads use `.deferredSync`: a read changes nothing the client asked for, so its
    /// entry is committed before the answer (it survives a crash of the process) and fsynced within the
    /// store's deferred-sync delay, instead of making every lookup wait for the disk.
    func appendAudit(
        method: String, code: String, caller: FacilityIdentity, result: String, durability: WriteDurability,
        completion: @escaping @Sendable (Result<Void, any Error>) -> Void
    ) {
        let now = self.clock.now()
        let role = Self.roles(of: caller)
        self.store.write(
            { connection in
                try AuditLog.append(
                    on: connection, at: now, facilityCode: caller.facilityCode, role: role, method: method,
                    code: code, result: result)
            }, durability: durability
        ) { committed in completion(committed.map { _ in () }) }
    }

    /// Appends one audit entry in a write of its own, fsynced before returning (refusals of changes).
    func appendAudit(method: String, code: String, caller: FacilityIdentity, result: String) async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            self.appendAudit(method: method, code: code, caller: caller, result: result, durability: .synchronous) {
                continuation.resume(with: $0.mapError { Self.rpcError($0) })
            }
        }
    }

    /// The status and message a failure means for the caller; storage failures map through
    /// `StoreError`'s `RPCErrorConvertible` conformance.
    static func rpcError(_ error: any Error) -> RPCError {
        RPCError(mapping: error)
    }

    /// Parses a caller-given idempotency key.
    static func checkIdempotencyKey(_ key: String) throws(PrescriptionError) {
        guard !key.isEmpty else { throw .invalidArgument("idempotency_key is required") }
        guard key.utf8.count <= self.maximumIdempotencyKeyBytes else {
            throw .invalidArgument("idempotency_key is longer than \(self.maximumIdempotencyKeyBytes) bytes")
        }
    }

    /// The stored answer for a retried request, or nil for a new request.
    ///
    /// - Throws: `ALREADY_EXISTS` when the key was used for a different request.
    static func replay<Response: ProtoMessage>(
        _: Response.Type, facilityCode: String, method: String, key: String, requestHash: [UInt8],
        on connection: SQLiteConnection
    ) throws -> Response? {
        guard let answer = try PrescriptionRepository.idempotentAnswer(
            facilityCode: facilityCode, method: method, key: key, on: connection)
        else { return nil }
        guard answer.requestHash == requestHash else {
            throw PrescriptionError.alreadyExists(
                "idempotency key \"\(key)\" was already used by this facility for a different \(method) request")
        }
        return try Response(serializedBytes: answer.response)
    }
}
