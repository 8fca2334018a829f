import RxPrescriptions
@testable import RxStatistics
import RxWire
import Testing

/// The outbox record format: every event reads back as written, and damaged records fail with a reason.
@Suite("Statistics outbox records")
struct StatisticsEventTests {
    static var submitted: StatisticsEvent {
        var content = Prescription()
        content.facilityCode = "79088"
        content.issuedAtUnixSeconds = 1_772_326_800
        content.type = .narcotic
        var patient = Patient()
        patient.fullName = "Nguyễn Thị Hoa"
        content.patient = patient
        var line = DrugLine()
        line.lineNumber = 1
        line.registrationNumber = "VD-12345-20"
        line.quantity = 14
        line.daysOfSupply = 7
        line.activeIngredients = [.init(inn: "Morphine", strength: "10 mg")]
        content.lines = [line]
        let product = ProductFacts(
            registrationNumber: "VD-12345-20", ingredients: [.init(inn: "Morphine", strength: "10 mg")],
            dosageForm: "viên nén", route: "uống", controlledClass: .narcotic, prescriptionOnly: true,
            atcCodes: ["N02AA01", "N02AA"])
        return .submitted(PrescriptionSubmitted(
            code: "79088N000123", validated: ValidatedPrescription(content: content, products: [product], validUntil: 1_772_758_800),
            patientKeys: [[1, 2, 3], [250, 251]], prescriberCertificate: "000123/HCM-CCHN", interactionAlerts: 2,
            at: -5))
    }

    static var dispensed: StatisticsEvent {
        var line = DispensedLine()
        line.lineNumber = 2
        line.quantity = 10
        line.registrationNumber = "VN-1-21"
        line.unitPriceVND = 1_500
        line.referenceUnitPriceVND = 1_200
        return .dispensed(PrescriptionDispensed(
            code: "79088C000001", pharmacyFacilityCode: "48100", at: Int64.max, lines: [line, DispensedLine()],
            previousStatus: .active, newStatus: .partlyDispensed))
    }

    static let all: [StatisticsEvent] = [
        Self.submitted, Self.dispensed, .cancelled(code: "79088C000001", at: 0),
        .replaced(code: "79088C000001", by: "79088C000002", at: Int64.min),
    ]

    @Test("every kind reads back as written (a submit keeps what the statistics read)")
    func roundTrips() throws {
        for event in Self.all {
            let record = event.encoded()
            #expect(record.first == 1)
            #expect(try StatisticsEvent(decoding: record).encoded() == record)
        }
        guard case .submitted(let event) = try StatisticsEvent(decoding: Self.submitted.encoded()) else {
            Issue.record("not a submit")
            return
        }
        #expect(event.validated.products.first?.controlledClass == .narcotic)
        #expect(event.validated.products.first?.atcCodes == ["N02AA01"])
        #expect(event.validated.products.first?.ingredients.map(\.inn) == ["Morphine"])
        #expect(event.validated.content.lines.first?.activeIngredients.map(\.inn) == ["Morphine"])
        #expect(event.validated.content.lines.first?.daysOfSupply == 7)
        #expect(event.validated.content.patient?.fullName == "Nguyễn Thị Hoa")
        #expect(event.patientKeys == [[1, 2, 3], [250, 251]])
        #expect(event.interactionAlerts == 2 && event.at == -5 && event.validated.validUntil == 1_772_758_800)
    }

    @Test("every truncation, a trailing byte, an unknown version or kind fail with a reason")
    func damagedRecordsFail() {
        for event in Self.all {
            let record = event.encoded()
            for length in 0..<record.count {
                #expect(throws: StatisticsEventError.self) { try StatisticsEvent(decoding: Array(record.prefix(length))) }
            }
            #expect(throws: StatisticsEventError.malformed("trailing bytes after the event")) {
                try StatisticsEvent(decoding: record + [0])
            }
        }
        #expect(throws: StatisticsEventError.unknownVersion(2)) { try StatisticsEvent(decoding: [2, 2]) }
        #expect(throws: StatisticsEventError.unknownKind(9)) { try StatisticsEvent(decoding: [1, 18]) }
        #expect(throws: StatisticsEventError.self) { try StatisticsEvent(decoding: [1, 6, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F]) }
    }
}
