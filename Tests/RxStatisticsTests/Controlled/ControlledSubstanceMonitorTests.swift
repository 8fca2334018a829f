import RxStatistics
import RxStore
import RxWire
import Testing

@Suite("Controlled-substance monitoring")
struct ControlledSubstanceMonitorTests {
    /// 2026-03-01 08:00 in Vietnam.
    static let start: Int64 = 1_772_326_800
    static let day: Int64 = 86_400

    /// One narcotic prescription (morphine, 7 days) issued on `day`, filled an hour later at `pharmacy`.
    static func narcotic(
        _ world: StatisticsWorld, patient: Int, day: Int64, prescriber: UInt8, pharmacy: String
    ) async throws {
        world.clock.now = Self.start + day * Self.day
        let code = try await world.submit(
            patient: patient, prescriber: prescriber, type: .narcotic,
            lines: [StatisticsWorld.line(1, FakeProducts.morphine, quantity: 14, days: 7)])
        world.clock.now += 3_600
        try await world.dispense(code, pharmacy: pharmacy, lines: [(1, 14)])
    }

    /// A generated data set: 40 ordinary patients with one or two non-overlapping narcotic prescriptions
    /// from random prescribers and pharmacies; two planted shoppers (3 prescribers, 3 pharmacies, fills 10
    /// days apart); two near misses (3 prescribers but 2 pharmacies; 3 pharmacies but 2 prescribers); one
    /// patient whose second fill comes 3 days into a 7-day supply.
    static func build() async throws -> StatisticsWorld {
        let world = try StatisticsWorld(now: Self.start)
        var generator = SplitMix64(seed: 20_260_301)
        var events: [(day: Int64, patient: Int, prescriber: UInt8, pharmacy: String)] = []
        for patient in 1...40 {
            let first = Int64(generator.next() % 40)
            events.append((first, patient, UInt8(generator.next() % 10), "48\(100 + generator.next() % 10)"))
            if generator.next() % 2 == 0 {
                events.append((first + 10 + Int64(generator.next() % 20), patient, UInt8(generator.next() % 10),
                               "48\(100 + generator.next() % 10)"))
            }
        }
        for shopper in [101, 102] {
            for index in 0..<3 {
                events.append((Int64(5 + index * 10), shopper, UInt8(20 + index), "79\(200 + index)"))
            }
        }
        for (index, pharmacy) in ["79300", "79301", "79300"].enumerated() {
            events.append((Int64(2 + index * 10), 201, UInt8(30 + index), pharmacy))
        }
        for (index, prescriber) in [UInt8(40), 41, 40].enumerated() {
            events.append((Int64(3 + index * 10), 202, prescriber, "7940\(index)"))
        }
        events.append((20, 301, 50, "79500"))
        events.append((23, 301, 50, "79500"))
        for event in events.sorted(by: { ($0.day, $0.patient) < ($1.day, $1.patient) }) {
            try await Self.narcotic(
                world, patient: event.patient, day: event.day, prescriber: event.prescriber, pharmacy: event.pharmacy)
        }
        world.clock.now = Self.start + 60 * Self.day
        return world
    }

    @Test("finds exactly the planted shoppers and the overlapping supply, and audits each named prescription")
    func plantedShoppers() async throws {
        let world = try await Self.build()
        let alerts = try await world.statistics.controlledSubstanceAlerts(
            ControlledSubstanceAlertsRequest(), caller: StatisticsWorld.regulator)
        let shoppers = alerts.filter { $0.kind == .multiplePrescribersAndPharmacies }
        #expect(Set(shoppers.map(\.patientName)) == ["Bệnh nhân 101", "Bệnh nhân 102"])
        #expect(shoppers.allSatisfy { $0.prescribers == 3 && $0.pharmacies == 3 && $0.prescriptionCodes.count == 3 })
        #expect(shoppers.allSatisfy { $0.substanceClass == "narcotic" && $0.patientKey.count == 64 })
        let overlaps = alerts.filter { $0.kind == .overlappingSupply }
        #expect(overlaps.map(\.patientName) == ["Bệnh nhân 301"])
        #expect(overlaps.first?.overlappingDays == 4)
        #expect(alerts.count == 3)
        let audited = try world.store.read { connection in
            try connection.scalar("SELECT count(*) FROM audit_log WHERE method = 'ControlledSubstanceAlerts'").int64Value
        }
        #expect(audited == 8)
    }

    @Test("thresholds are configurable: two pharmacies also flag the first near miss")
    func thresholds() async throws {
        let world = try await Self.build()
        var request = ControlledSubstanceAlertsRequest()
        request.minPharmacies = 2
        let alerts = try await world.statistics.controlledSubstanceAlerts(request, caller: StatisticsWorld.regulator)
        #expect(Set(alerts.filter { $0.kind == .multiplePrescribersAndPharmacies }.map(\.patientName))
            == ["Bệnh nhân 101", "Bệnh nhân 102", "Bệnh nhân 201"])
        var narrow = ControlledSubstanceAlertsRequest()
        narrow.fromUnixSeconds = Self.start + 20 * Self.day
        narrow.toUnixSeconds = Self.start + 60 * Self.day
        let late = try await world.statistics.controlledSubstanceAlerts(narrow, caller: StatisticsWorld.regulator)
        #expect(late.filter { $0.kind == .multiplePrescribersAndPharmacies }.isEmpty)
    }
}

/// A small seeded generator so generated data sets are the same on every run.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { self.state = seed }

    mutating func next() -> UInt64 {
        self.state &+= 0x9E37_79B9_7F4A_7C15
        var z = self.state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
