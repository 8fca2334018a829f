import RxStore
import RxTransport
import RxWire

extension PrescriptionsService {
    /// Get: any pharmacy, the issuing facility and any regulator may read a prescription.
    public func get(_ request: GetPrescriptionRequest, caller: FacilityIdentity) async throws -> GetPrescriptionResponse {
        let code = try PrescriptionCode(parsing: request.code).description
        let response = try await self.audited(method: "Get", code: code, caller: caller) {
            try self.lookUp(code, includeSigned: request.includeSignedPrescription, caller: caller)
        }
        try await self.appendAudit(method: "Get", code: code, caller: caller, result: "OK")
        return response
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
