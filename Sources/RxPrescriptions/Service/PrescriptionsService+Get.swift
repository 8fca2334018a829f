import RxStore
import RxTransport
import RxWire

extension PrescriptionsService {
    /// Get: any pharmacy, the issuing facility and any regulator may read a prescription.
    public func get(_ request: GetPrescriptionRequest, caller: FacilityIdentity) async throws -> GetPrescriptionResponse {
        try await withCheckedThrowingContinuation { continuation in
            self.get(request, caller: caller) { continuation.resume(with: $0) }
        }
    }

    /// Get without a task: the read runs on the calling thread (a page-cache read of three small
    /// queries), and `reply` is called on the store's writer thread once the audit entry for the read
    /// (or for the refusal) has committed — a prescription is never shown without a committed trace
    /// (see ``appendAudit(method:code:caller:result:durability:completion:)`` for when it reaches the disk).
    /// This is the hot path of every pharmacy counter, so it skips the task pool entirely.
    public func get(
        _ request: GetPrescriptionRequest, caller: FacilityIdentity,
        reply: @escaping @Sendable (Result<GetPrescriptionResponse, any Error>) -> Void
    ) {
        let code: String
        do {
            code = try PrescriptionCode(parsing: request.code).description
        } catch {
            return reply(.failure(Self.rpcError(error)))
        }
        let outcome: Result<GetPrescriptionResponse, any Error>
        let recorded: String
        do {
            outcome = .success(try self.lookUp(code, includeSigned: request.includeSignedPrescription, caller: caller))
            recorded = "OK"
        } catch {
            let mapped = self.refusal(for: error, method: "Get")
            outcome = .failure(mapped)
            recorded = mapped.code.name
        }
        self.appendAudit(method: "Get", code: code, caller: caller, result: recorded, durability: .deferredSync) {
            committed in
            switch committed {
            case .success: reply(outcome)
            case .failure(let error): reply(.failure(Self.rpcError(error)))
            }
        }
    }

    private func lookUp(_ code: String, includeSigned: Bool, caller: FacilityIdentity) throws -> GetPrescriptionResponse {
        let now = self.clock.now()
        let found = try self.store.read { connection -> (StoredPrescription, [DispenseRecord], [StatusChange])? in
            guard let prescription = try PrescriptionRepository.load(code, on: connection) else { return nil }
            return (
                prescription, try PrescriptionRepository.dispenses(of: code, on: connection),
                try PrescriptionRepository.history(of: code, on: connection)
            )
        }
        guard let (prescription, dispenses, history) = found else {
            throw PrescriptionError.notFound("no prescription has the code \(code)")
        }
        let issuer = prescription.facilityCode == caller.facilityCode
        guard issuer || caller.roles.contains(.pharmacy) || caller.roles.contains(.regulator) else {
            throw PrescriptionError.permissionDenied(
                "\(code) may be read by pharmacies, regulators and the issuing facility only")
        }
        let content = try Prescription(serializedBytes: prescription.content)
        let masked = prescription.masksIdentity && !issuer
        var response = GetPrescriptionResponse()
        response.code = code
        response.prescription = masked ? IdentityMasking.masked(content) : content
        response.status = prescription.status.effective(validUntil: prescription.validUntil, now: now)
        response.validUntilUnixSeconds = prescription.validUntil
        response.lines = prescription.lines.map(\.state)
        response.dispenses = dispenses
        response.statusHistory = history
        response.identityMasked = masked
        response.replacedByCode = prescription.replacedBy ?? ""
        response.signerCertificateSerial = prescription.signerCertificateSerial
        if includeSigned, !masked {
            response.signedPrescription = prescription.signedBytes
        }
        return response
    }
}
