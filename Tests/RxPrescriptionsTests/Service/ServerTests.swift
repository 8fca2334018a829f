import Foundation
import Logging
import RxPrescriptions
import RxSignature
import RxStore
import RxTransport
import RxWire
import Testing

@Suite("Prescriptions over mTLS")
struct ServerTests {
    @Test("each role sees only what it may")
    func roles() async throws {
        try await withPrescriptionStore { store async throws in
            let service = makeService(store: store, clock: ManualClock(Samples.issuedAt + 60))
            try await withPrescriptionServer(service) { port in
                let hospital = try connect(port: port, as: "hospital-prescriber")
                let submitted: Result<SubmitPrescriptionResponse, RPCError> = try hospital.call("Submit", Samples.submit(Samples.ordinary()))
                let code = try submitted.get().code
                var get = GetPrescriptionRequest()
                get.code = code

                let pharmacy = try connect(port: port, as: "pharmacy")
                let pharmacySubmit: Result<SubmitPrescriptionResponse, RPCError> = try pharmacy.call("Submit", Samples.submit(Samples.ordinary(), key: "p"))
                #expect(pharmacySubmit.failureCode == .permissionDenied)
                let pharmacyGet: Result<GetPrescriptionResponse, RPCError> = try pharmacy.call("Get", get)
                #expect(try pharmacyGet.get().code == code)
                let pharmacyAudit: Result<AuditVerifyResponse, RPCError> = try pharmacy.call("AuditVerify", AuditVerifyRequest())
                #expect(pharmacyAudit.failureCode == .permissionDenied)
                var cancel = CancelPrescriptionRequest()
                cancel.code = code
                cancel.reason = "thử"
                let pharmacyCancel: Result<CancelPrescriptionResponse, RPCError> = try pharmacy.call("Cancel", cancel)
                #expect(pharmacyCancel.failureCode == .permissionDenied)

                let clinic = try connect(port: port, as: "clinic-prescriber")
                let clinicGet: Result<GetPrescriptionResponse, RPCError> = try clinic.call("Get", get)
                #expect(clinicGet.failureCode == .permissionDenied)
                let clinicCancel: Result<CancelPrescriptionResponse, RPCError> = try clinic.call("Cancel", cancel)
                #expect(clinicCancel.failureCode == .permissionDenied)
                let hospitalDispense: Result<DispensePrescriptionResponse, RPCError> =
                    try hospital.call("Dispense", Samples.dispense(code, key: "h", [(1, 1)]))
                #expect(hospitalDispense.failureCode == .permissionDenied)

                let noRole = try connect(port: port, as: "norole")
                let noRoleGet: Result<GetPrescriptionResponse, RPCError> = try noRole.call("Get", get)
                #expect(noRoleGet.failureCode == .permissionDenied)

                let regulator = try connect(port: port, as: "regulator")
                let regulatorGet: Result<GetPrescriptionResponse, RPCError> = try regulator.call("Get", get)
                #expect(try regulatorGet.get().status == .active)
                let audit: Result<AuditVerifyResponse, RPCError> = try regulator.call("AuditVerify", AuditVerifyRequest())
                #expect(try audit.get().intact)
                let hospitalGet: Result<GetPrescriptionResponse, RPCError> = try hospital.call("Get", get)
                #expect(try hospitalGet.get().code == code)
            }
        }
    }

    @Test("50 concurrent dispenses from two pharmacy connections hand out exactly the prescribed quantity")
    func concurrentOverTLS() async throws {
        try await withPrescriptionStore { store async throws in
            let service = makeService(store: store, clock: ManualClock(Samples.issuedAt + 60))
            let content = Samples.ordinary(lines: [Samples.line(1, FakeProducts.amoxicillin, quantity: 30)])
            let code = try await service.submit(Samples.submit(content), caller: Samples.hospital).code
            let successes = try await withPrescriptionServer(service) { port in
                let counts = Counter()
                let threads = ["pharmacy", "pharmacy-2"].enumerated().map { index, identity in
                    Thread {
                        do {
                            let connection = try connect(port: port, as: identity)
                            let ids = try (0..<25).map { call in
                                try connection.start(
                                    path: PrescriptionsService.path("Dispense"),
                                    request: Samples.dispense(code, key: "\(index)-\(call)", [(1, 1)]).serializedBytes())
                            }
                            for result in try connection.wait(for: ids) {
                                counts.record(result.status.code)
                            }
                        } catch {
                            counts.record(.unknown)
                        }
                    }
                }
                threads.forEach { $0.start() }
                while counts.total < 50 { Thread.sleep(forTimeInterval: 0.01) }
                return counts.snapshot
            }
            #expect(successes[.ok] == 30)
            #expect(successes[.failedPrecondition] == 20)
            let dispensed = try store.read { connection in
                try connection.scalar("SELECT sum(quantity) FROM dispense_lines").int64Value
            }
            #expect(dispensed == 30)
        }
    }

    @Test("a prescription signed by the openssl command-line tool is accepted; altered bytes and the wrong doctor are not")
    func opensslSigned() async throws {
        try await withPrescriptionStore { store async throws in
            let now = Int64(Date().timeIntervalSince1970)
            var content = Samples.ordinary()
            content.issuedAtUnixSeconds = now - 60
            let signed = try OpenSSLSigner.sign(content.serializedBytes(), doctor: "doctor-1")
            let wrongDoctor = try OpenSSLSigner.sign(content.serializedBytes(), doctor: "doctor-2")
            var logger = Logger(label: "test")
            logger.logLevel = .critical
            let service = PrescriptionsService(
                store: store, verifier: try CMSVerifier(trustedCAFile: DevelopmentPKI.path("signing-ca.crt")),
                products: FakeProducts(), screening: FakeScreening(), clock: ManualClock(now).clock, logger: logger)
            try await withPrescriptionServer(service) { port in
                let hospital = try connect(port: port, as: "hospital-prescriber")
                var request = SubmitPrescriptionRequest()
                request.signedPrescription = signed
                request.idempotencyKey = "cli"
                let accepted: Result<SubmitPrescriptionResponse, RPCError> = try hospital.call("Submit", request)
                #expect(try accepted.get().code.hasSuffix("-C"))

                // Change the patient's name inside the attached content.
                var altered = signed
                let name = Array("Lê Văn An".utf8)
                let start = try #require(
                    (0...(altered.count - name.count)).first { Array(altered[$0..<($0 + name.count)]) == name })
                altered[start] = UInt8(ascii: "K")
                request.signedPrescription = altered
                request.idempotencyKey = "altered"
                let refused: Result<SubmitPrescriptionResponse, RPCError> = try hospital.call("Submit", request)
                #expect(refused.failureCode == .invalidArgument)

                request.signedPrescription = wrongDoctor
                request.idempotencyKey = "doctor-2"
                let mismatch: Result<SubmitPrescriptionResponse, RPCError> = try hospital.call("Submit", request)
                #expect(mismatch.failureCode == .permissionDenied)
            }
            #expect(try store.read { try PrescriptionRepository.count(on: $0) } == 1)
        }
    }
}

extension Result where Failure == RPCError {
    var failureCode: GRPCStatus.Code? {
        if case .failure(let error) = self { error.code } else { nil }
    }
}

/// Counts call outcomes from several threads.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var counts: [GRPCStatus.Code: Int] = [:]

    func record(_ code: GRPCStatus.Code) { self.lock.withLock { self.counts[code, default: 0] += 1 } }
    var total: Int { self.lock.withLock { self.counts.values.reduce(0, +) } }
    var snapshot: [GRPCStatus.Code: Int] { self.lock.withLock { self.counts } }
}

/// Signs with the `openssl cms` command-line tool, so the verifier is tested against bytes our code did
/// not produce.
enum OpenSSLSigner {
    static func sign(_ content: [UInt8], doctor: String) throws -> [UInt8] {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rx-sign-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("content.bin")
        let output = directory.appendingPathComponent("signed.p7s")
        try Data(content).write(to: input)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "openssl", "cms", "-sign", "-binary", "-nodetach", "-outform", "DER",
            "-signer", DevelopmentPKI.path("\(doctor).crt"), "-inkey", DevelopmentPKI.path("\(doctor).key"),
            "-in", input.path, "-out", output.path,
        ]
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "openssl cms -sign failed")
        return Array(try Data(contentsOf: output))
    }
}
