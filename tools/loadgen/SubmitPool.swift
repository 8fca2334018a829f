import Foundation
import RxSignature
import RxWire
import Synchronization

/// Signs submissions before a run, on every core, so that signing costs the load generator nothing
/// while it measures: each entry is an encoded `SubmitPrescriptionRequest` for a distinct patient,
/// signed by doctor-1, with its own idempotency key.
enum SubmitPool {
    static func sign(count: Int, firstPatient: Int, certs: String) throws -> [[UInt8]] {
        guard count > 0 else { return [] }
        let chunks = max(1, min(count, ProcessInfo.processInfo.activeProcessorCount * 4))
        let doctor = try SigningIdentity(certificateFile: certs + "/doctor-1.crt", privateKeyFile: certs + "/doctor-1.key")
        let signed = Mutex<[Int: [[UInt8]]]>([:])
        let failure = Mutex<(any Error)?>(nil)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let range = (count * chunk / chunks)..<(count * (chunk + 1) / chunks)
            do {
                var requests: [[UInt8]] = []
                requests.reserveCapacity(range.count)
                for index in range {
                    var request = SubmitPrescriptionRequest()
                    request.signedPrescription = try CMSSigner.sign(
                        content: Fixtures.prescription(patient: firstPatient + index).serializedBytes(), identity: doctor)
                    request.idempotencyKey = UUID().uuidString
                    requests.append(request.serializedBytes())
                }
                signed.withLock { $0[chunk] = requests }
            } catch {
                failure.withLock { $0 = error }
            }
        }
        if let error = failure.withLock({ $0 }) { throw FixtureError("signing the submit pool failed: \(error)") }
        return signed.withLock { parts in (0..<chunks).flatMap { parts[$0] ?? [] } }
    }
}
