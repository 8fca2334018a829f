import Foundation
import RxStore
import RxTransport
import RxWire

extension PrescriptionsService {
    /// Cancel: the issuing facility stops further dispensing, with a reason. Cancelling a cancelled
    /// prescription again answers OK (a retry); completed and replaced prescriptions cannot be cancelled.
    public func cancel(_ request: CancelPrescriptionRequest, caller: FacilityIdentity) async throws
        -> CancelPrescriptionResponse
    {
        let code = try PrescriptionCode(parsing: request.code).description
        return try await self.audited(method: "Cancel", code: code, caller: caller) {
            let reason = request.reason.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !reason.isEmpty else { throw PrescriptionError.invalidArgument("a cancellation needs a reason") }
            guard reason.utf8.count <= Self.maximumReasonBytes else {
                throw PrescriptionError.invalidArgument("the reason is longer than \(Self.maximumReasonBytes) bytes")
            }
            let now = self.clock.now()
            let role = Self.roles(of: caller)
            let events = self.events
            return try await self.store.write { connection in
                guard let prescription = try PrescriptionRepository.load(code, on: connection) else {
                    throw PrescriptionError.notFound("no prescription has the code \(code)")
                }
                guard prescription.facilityCode == caller.facilityCode else {
                    throw PrescriptionError.permissionDenied(
                        "only the issuing facility \(prescription.facilityCode) may cancel \(code)")
                }
                switch prescription.status {
                case .completed: throw PrescriptionError.failedPrecondition("\(code) is already dispensed in full")
                case .replaced: throw PrescriptionError.failedPrecondition("\(code) was replaced and is no longer in force")
                case .active, .partlyDispensed:
                    try PrescriptionRepository.setStatus(.cancelled, of: code, on: connection)
                    try PrescriptionRepository.addHistory(
                        code: code, status: .cancelled, at: now, facilityCode: caller.facilityCode, reason: reason,
                        on: connection)
                    try events.cancelled(code: code, at: now, on: connection)
                case .cancelled: break
                }
                try AuditLog.append(
                    on: connection, at: now, facilityCode: caller.facilityCode, role: role, method: "Cancel", code: code,
                    result: "OK")
                var response = CancelPrescriptionResponse()
                response.code = code
                response.status = .cancelled
                return response
            }
        }
    }
}
