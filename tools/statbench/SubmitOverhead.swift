import Foundation
import Logging
import RxApp
import RxPrescriptions
import RxSignature
import RxStatistics
import RxStore
import RxTransport
import RxWire

/// Submit with and without the statistics hook on a fresh store, through the real prescriptions service
/// (a pass-through signature check and a two-product directory stand in for CMS and the catalog).
enum SubmitOverhead {
    struct PassThroughVerifier: SignatureVerifier {
        func verify(_ signed: [UInt8], at unixTime: Int64) throws -> VerifiedSignature {
            VerifiedSignature(
                content: signed, signerPractisingCertificate: "000123/HCM-CCHN", signerName: "bench", signerFacilityCode: nil,
                signingTime: nil, certificateSerial: "bench", notBefore: 0, notAfter: 4_000_000_000, certificateSHA256: "")
        }
    }

    struct TwoProducts: ProductDirectory {
        func product(registrationNumber: String) -> ProductFacts? {
            ProductFacts(
                registrationNumber: registrationNumber, ingredients: [.init(inn: registrationNumber == "A" ? "amoxicillin" : "paracetamol", strength: "500 mg")],
                dosageForm: "viên nén", route: "uống", atcCodes: [registrationNumber == "A" ? "J01CA04" : "N02BE01"])
        }
        func isEquivalent(_ a: String, _ b: String) -> Bool { a == b }
        func unitPriceVND(registrationNumber: String, on date: CivilDate) -> Int64? { 1_000 }
    }

    struct NoScreening: InteractionScreening {
        func screen(new: [ScreenedLine], active: [ScreenedLine], overrides: [(ingredientA: String, ingredientB: String)])
            -> ScreeningResult { ScreeningResult() }
    }

    /// Where a Submit's statistics go.
    enum Hook: String, CaseIterable {
        /// Nowhere (the baseline).
        case none
        /// The recorder inside each Submit's transaction (before the outbox).
        case inline
        /// One outbox row per Submit, folded by a running ``StatisticsApplier`` (the server's way).
        case outbox
    }

    /// Mean seconds per Submit until the last acknowledgement, and the seconds the outbox then needed to
    /// catch up (0 without one): what the applier still owed when the clients were done.
    struct Timing {
        var submits: Int
        var perSubmit: Double
        var drain: Double

        var perSubmitWithCatchUp: Double { self.perSubmit + self.drain / Double(self.submits) }
    }

    /// Sequential Submits, one client.
    static func measure(
        _ requests: [SubmitPrescriptionRequest], verifier: any SignatureVerifier, hook: Hook, logger: Logger
    ) async throws -> Timing {
        try await self.withService(verifier: verifier, hook: hook, logger: logger) { service, applier in
            let start = Date()
            for request in requests { _ = try await service.submit(request, caller: self.hospital) }
            let done = Date()
            try await applier?.drain()
            return Timing(
                submits: requests.count, perSubmit: done.timeIntervalSince(start) / Double(requests.count),
                drain: Date().timeIntervalSince(done))
        }
    }

    /// Submits from 8 clients at once (group commit shares the fsync: what remains is the work inside the
    /// write body, where the inline hook runs).
    static func measureConcurrent(
        _ requests: [SubmitPrescriptionRequest], verifier: any SignatureVerifier, hook: Hook, logger: Logger
    ) async throws -> Timing {
        try await self.withService(verifier: verifier, hook: hook, logger: logger) { service, applier in
            let start = Date()
            try await withThrowingTaskGroup(of: Void.self) { group in
                for chunk in stride(from: 0, to: requests.count, by: requests.count / 8 + 1) {
                    let slice = Array(requests[chunk..<min(requests.count, chunk + requests.count / 8 + 1)])
                    group.addTask { for request in slice { _ = try await service.submit(request, caller: self.hospital) } }
                }
                try await group.waitForAll()
            }
            let done = Date()
            try await applier?.drain()
            return Timing(
                submits: requests.count, perSubmit: done.timeIntervalSince(start) / Double(requests.count),
                drain: Date().timeIntervalSince(done))
        }
    }

    static let hospital = FacilityIdentity(
        facilityCode: "79088", facilityName: "bench", roles: [.prescriber], certificateSerial: "H", notAfter: .max)

    /// `count` requests for distinct patients, signed by doctor-1 of the development PKI in `certs` (as
    /// clients sign them), or carrying the bare content for the stubbed check.
    static func requests(_ count: Int, signedWith certs: String?) throws -> [SubmitPrescriptionRequest] {
        try (0..<count).map { index in
            var request = self.request(index)
            if let certs {
                request.signedPrescription = try CMSSigner.sign(
                    content: request.signedPrescription, certificateFile: certs + "/doctor-1.crt",
                    privateKeyFile: certs + "/doctor-1.key")
            }
            return request
        }
    }

    static func request(_ index: Int) -> SubmitPrescriptionRequest {
        var content = Prescription()
        content.facilityCode = "79088"
        var doctor = Prescriber()
        doctor.fullName = "Bác sĩ"
        doctor.practisingCertificateNumber = "000123/HCM-CCHN"
        content.prescriber = doctor
        content.issuedAtUnixSeconds = Int64(Date().timeIntervalSince1970) - 60
        var patient = Patient()
        patient.fullName = "Bệnh nhân \(index)"
        patient.dateOfBirth = CivilDate(year: 1980, month: 1, day: 1)
        patient.sex = .female
        patient.citizenID = String(format: "079%09d", index)
        patient.address = "TP. Hồ Chí Minh"
        content.patient = patient
        content.diagnoses = [Diagnosis(icd10Code: "J01.9", text: "Viêm xoang cấp")]
        content.type = .ordinary
        content.lines = ["A", "P"].enumerated().map { offset, number in
            var line = DrugLine()
            line.lineNumber = UInt32(offset + 1)
            line.registrationNumber = number
            line.activeIngredients = [.init(inn: number == "A" ? "amoxicillin" : "paracetamol", strength: "500 mg")]
            line.dosageForm = "viên nén"
            line.quantity = 20
            line.unit = "viên"
            var directions = DrugLine.Directions()
            directions.dose = "1 viên"
            directions.timesPerDay = 2
            directions.route = "uống"
            line.directions = directions
            line.daysOfSupply = 5
            return line
        }
        var request = SubmitPrescriptionRequest()
        request.signedPrescription = content.serializedBytes()
        request.idempotencyKey = "bench-\(index)"
        return request
    }

    static func withService<Result: Sendable>(
        verifier: any SignatureVerifier, hook: Hook, logger: Logger,
        _ body: (PrescriptionsService, StatisticsApplier?) async throws -> Result
    ) async throws -> Result {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rx-statbench-\(UInt64.random(in: 0...UInt64.max))").path
        let store = try Store.open(directory: directory, configuration: Store.Configuration(migrations: Application.schema), logger: logger)
        let applier = hook == .outbox ? StatisticsApplier(store: store, logger: logger) : nil
        applier?.start()
        defer {
            applier?.stop()
            store.close()
            try? FileManager.default.removeItem(atPath: directory)
        }
        let events: any PrescriptionEventSink = switch hook {
        case .none: NoPrescriptionEvents()
        case .inline: StatisticsRecorder()
        case .outbox: StatisticsOutbox(applier: applier)
        }
        let service = PrescriptionsService(
            store: store, verifier: verifier, products: TwoProducts(), screening: NoScreening(), logger: logger,
            events: events)
        return try await body(service, applier)
    }
}
