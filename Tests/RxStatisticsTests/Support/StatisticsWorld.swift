import Foundation
import Logging
import RxPrescriptions
import RxStatistics
import RxStore
import RxTransport
import RxWire

/// A store with the prescription and statistics schemas, the prescriptions service writing through the
/// statistics hook, and the statistics service reading it.
final class StatisticsWorld: @unchecked Sendable {
    let directory: String
    let store: Store
    let clock: ManualClock
    let prescriptions: PrescriptionsService
    let statistics: StatisticsService
    /// The outbox's applier when the world records through ``StatisticsOutbox`` (not started: tests drain it).
    let applier: StatisticsApplier?
    private var keys = 0

    static let migrations = Migrations(combining: [
        Migrations.standard.steps, PrescriptionSchema.migrations, StatisticsSchema.migrations,
    ])

    static let regulator = FacilityIdentity(
        facilityCode: "01QLD", facilityName: "Cục Quản lý Dược", roles: [.regulator], certificateSerial: "R", notAfter: .max)

    /// - Parameter outboxBatchSize: record through ``StatisticsOutbox`` with an applier taking this many
    ///   events per batch, instead of with `recorder` inline.
    init(now: Int64, recorder: StatisticsRecorder = StatisticsRecorder(), outboxBatchSize: Int? = nil) throws {
        self.directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("rx-statistics-\(UInt64.random(in: 0...UInt64.max))").path
        var logger = Logger(label: "test-statistics")
        logger.logLevel = .critical
        self.store = try Store.open(
            directory: self.directory, configuration: Store.Configuration(migrations: Self.migrations), logger: logger)
        self.clock = ManualClock(now)
        var events: any PrescriptionEventSink = recorder
        if let outboxBatchSize {
            var configuration = StatisticsApplier.Configuration()
            configuration.batchSize = outboxBatchSize
            let applier = StatisticsApplier(store: self.store, configuration: configuration, logger: logger)
            self.applier = applier
            events = StatisticsOutbox(applier: applier)
        } else {
            self.applier = nil
        }
        self.prescriptions = PrescriptionsService(
            store: self.store, verifier: FakeVerifier(), products: FakeProducts(), screening: FakeScreening(),
            clock: self.clock.clock, logger: logger, events: events)
        self.statistics = StatisticsService(store: self.store, clock: self.clock.clock, logger: logger, applier: self.applier)
    }

    deinit {
        self.store.close()
        try? FileManager.default.removeItem(atPath: self.directory)
    }

    static func line(_ number: UInt32, _ registration: String, quantity: UInt32, days: UInt32 = 5) -> DrugLine {
        var line = DrugLine()
        line.lineNumber = number
        line.registrationNumber = registration
        line.activeIngredients = FakeProducts.catalog[registration].map { facts in
            facts.ingredients.map { DrugLine.ActiveIngredient(inn: $0.inn, strength: $0.strength) }
        } ?? []
        line.dosageForm = "viên nén"
        line.quantity = quantity
        line.unit = "viên"
        var directions = DrugLine.Directions()
        directions.dose = "1 viên"
        directions.timesPerDay = 2
        directions.route = "uống"
        line.directions = directions
        line.daysOfSupply = days
        return line
    }

    /// Submits a prescription issued now for patient number `patient` (through Replace when it
    /// `replaces` another); returns its code.
    func submit(
        patient: Int, facility: String = "79088", prescriber: UInt8 = 0, type: PrescriptionType = .ordinary,
        lines: [DrugLine], replaces: String? = nil
    ) async throws -> String {
        var content = Prescription()
        content.facilityCode = facility
        var doctor = Prescriber()
        doctor.fullName = "Bác sĩ \(prescriber)"
        doctor.practisingCertificateNumber = "DOC-\(prescriber)"
        content.prescriber = doctor
        content.issuedAtUnixSeconds = self.clock.now
        var person = Patient()
        person.fullName = "Bệnh nhân \(patient)"
        person.dateOfBirth = CivilDate(year: 1980, month: 1, day: 1)
        person.sex = .female
        person.citizenID = String(format: "079%09d", patient)
        person.address = "Số \(patient), TP. Hồ Chí Minh"
        content.patient = person
        content.diagnoses = [type == .ordinary ? Diagnosis(icd10Code: "J01.9", text: "Viêm xoang cấp")
            : Diagnosis(icd10Code: "C50.9", text: "Ung thư vú")]
        content.type = type
        content.lines = lines
        content.replacesCode = replaces
        self.keys += 1
        let caller = FacilityIdentity(
            facilityCode: facility, facilityName: "Cơ sở \(facility)", roles: [.prescriber], certificateSerial: "F",
            notAfter: .max)
        if replaces != nil {
            var request = ReplacePrescriptionRequest()
            request.signedPrescription = FakeVerifier.sign(content, prescriber: prescriber)
            request.idempotencyKey = "replace-\(self.keys)"
            return try await self.prescriptions.replace(request, caller: caller).code
        }
        var request = SubmitPrescriptionRequest()
        request.signedPrescription = FakeVerifier.sign(content, prescriber: prescriber)
        request.idempotencyKey = "submit-\(self.keys)"
        return try await self.prescriptions.submit(request, caller: caller).code
    }

    /// Dispenses `lines` (line number, quantity) now at `pharmacy`, charging `price` per unit.
    func dispense(
        _ code: String, pharmacy: String = "48102", lines: [(UInt32, UInt32)], product: String = "", price: Int64 = 3_000
    ) async throws {
        self.keys += 1
        var request = DispensePrescriptionRequest()
        request.code = code
        request.idempotencyKey = "dispense-\(self.keys)"
        request.invoiceNumber = "HD\(self.keys)"
        request.lines = lines.map { number, quantity in
            var line = DispensedLine()
            line.lineNumber = number
            line.quantity = quantity
            line.registrationNumber = product
            line.unitPriceVND = price
            return line
        }
        let caller = FacilityIdentity(
            facilityCode: pharmacy, facilityName: "Nhà thuốc \(pharmacy)", roles: [.pharmacy], certificateSerial: "P",
            notAfter: .max)
        _ = try await self.prescriptions.dispense(request, caller: caller)
    }

    func cancel(_ code: String, facility: String = "79088") async throws {
        var request = CancelPrescriptionRequest()
        request.code = code
        request.reason = "bệnh nhân đổi ý"
        let caller = FacilityIdentity(
            facilityCode: facility, facilityName: "Cơ sở", roles: [.prescriber], certificateSerial: "F", notAfter: .max)
        _ = try await self.prescriptions.cancel(request, caller: caller)
    }

    func query(_ groupBy: [StatisticsDimension], from: Int64, to: Int64, configure: (inout StatisticsQuery) -> Void = { _ in })
        throws -> [StatisticsRow]
    {
        var query = StatisticsQuery()
        query.fromUnixSeconds = from
        query.toUnixSeconds = to
        query.groupBy = groupBy
        configure(&query)
        return try self.statistics.query(query)
    }
}
