import RxStore
import RxWire

extension PrescriptionsService {
    /// AuditVerify: checks the whole audit chain on a reader (the writer keeps going meanwhile).
    public func auditVerify() throws -> AuditVerifyResponse {
        let verification: AuditVerification
        do {
            verification = try self.store.read { try AuditLog.verify(on: $0) }
        } catch {
            throw Self.rpcError(error)
        }
        var response = AuditVerifyResponse()
        response.intact = verification.isIntact
        response.entriesChecked = UInt64(verification.entriesChecked)
        response.firstBrokenSequence = UInt64(verification.firstBrokenSequence ?? 0)
        response.problem = verification.problem ?? ""
        response.headHash = verification.headHash
        return response
    }
}
