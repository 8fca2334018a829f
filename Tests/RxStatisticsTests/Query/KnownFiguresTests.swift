import RxStatistics
import RxTransport
import RxWire
import Testing

/// A small data set where every figure is worked out by hand (see `KnownFigures.build`).
@Suite("Statistics on a hand-built data set")
struct KnownFiguresTests {
    /// 2026-01-05 08:00 in Vietnam (a Monday).
    static let start: Int64 = 1_767_574_800
    static let hour: Int64 = 3_600
    static let day: Int64 = 86_400
    /// January 2026 in Vietnam.
    static let from: Int64 = 1_767_200_400
    static let to: Int64 = 1_769_878_800

    /// Six prescriptions at 79088 for patients 1-6 (amoxicillin 20 + paracetamol 10; patient 6's as three
    /// lines: amoxicillin 10 of each brand + paracetamol 10). Dispensed: 1, 2, 4 in full an hour apart;
    /// 3 amoxicillin first with the generic brand (partly), then paracetamol (completed); 5 amoxicillin 10
    /// (partly, then expires). 6 is cancelled two days later. A day later 01215 prescribes amoxicillin 10
    /// for patients 1 and 2, never dispensed (expire). All at 3,000 VND per unit.
    static func build() async throws -> StatisticsWorld {
        let world = try StatisticsWorld(now: Self.start)
        var codes: [String] = []
        for patient in 1...6 {
            let lines = patient == 6
                ? [StatisticsWorld.line(1, FakeProducts.amoxicillin, quantity: 10),
                   StatisticsWorld.line(2, FakeProducts.amoxicillinGeneric, quantity: 10),
                   StatisticsWorld.line(3, FakeProducts.paracetamol, quantity: 10)]
                : [StatisticsWorld.line(1, FakeProducts.amoxicillin, quantity: 20),
                   StatisticsWorld.line(2, FakeProducts.paracetamol, quantity: 10)]
            codes.append(try await world.submit(patient: patient, lines: lines))
        }
        for (index, code) in codes.prefix(4).enumerated() {
            world.clock.now = Self.start + Int64(index + 1) * Self.hour
            if index == 2 {
                try await world.dispense(code, lines: [(1, 20)], product: FakeProducts.amoxicillinGeneric)
                try await world.dispense(code, lines: [(2, 10)])
            } else {
                try await world.dispense(code, lines: [(1, 20), (2, 10)])
            }
        }
        world.clock.now = Self.start + 5 * Self.hour
        try await world.dispense(codes[4], lines: [(1, 10)])
        world.clock.now = Self.start + Self.day
        for patient in 1...2 {
            _ = try await world.submit(
                patient: patient, facility: "01215", prescriber: 1,
                lines: [StatisticsWorld.line(1, FakeProducts.amoxicillin, quantity: 10)])
        }
        world.clock.now = Self.start + 2 * Self.day
        try await world.cancel(codes[5])
        world.clock.now = Self.start + 10 * Self.day
        return world
    }

    static func row(
        _ keys: [String], issued: UInt64, fully: UInt64, partly: UInt64, cancelled: UInt64, expired: UInt64,
        prescribed: UInt64, dispensed: UInt64, reference: Int64, charged: Int64, patients: UInt64
    ) -> StatisticsRow {
        var row = StatisticsRow()
        row.keys = keys
        row.issued = issued
        row.dispensedFully = fully
        row.dispensedPartly = partly
        row.cancelled = cancelled
        row.expired = expired
        row.quantityPrescribed = prescribed
        row.quantityDispensed = dispensed
        row.valueReferenceVND = reference
        row.valueChargedVND = charged
        row.distinctPatients = patients
        return row
    }

    static func suppressed(_ keys: [String]) -> StatisticsRow {
        var row = StatisticsRow()
        row.keys = keys
        row.suppressed = true
        return row
    }

    static let total = row(
        [], issued: 8, fully: 4, partly: 2, cancelled: 1, expired: 3, prescribed: 200, dispensed: 130, reference: 225_000,
        charged: 390_000, patients: 6)

    @Test("no grouping gives one total row; a month, a week and the type give the same figures")
    func totals() async throws {
        let world = try await Self.build()
        #expect(try world.query([], from: Self.from, to: Self.to) == [Self.total])
        var month = Self.total
        month.keys = ["2026-01"]
        #expect(try world.query([.month], from: Self.from, to: Self.to) == [month])
        var week = Self.total
        week.keys = ["2026-01-05"]
        #expect(try world.query([.week], from: Self.from, to: Self.to) == [week])
        var type = Self.total
        type.keys = ["1"]
        #expect(try world.query([.type], from: Self.from, to: Self.to) == [type])
    }

    @Test("by province: 79 in full, 01 suppressed (2 patients), not zero")
    func byProvince() async throws {
        let world = try await Self.build()
        #expect(try world.query([.province], from: Self.from, to: Self.to) == [
            Self.suppressed(["01"]),
            Self.row(["79"], issued: 6, fully: 4, partly: 2, cancelled: 1, expired: 1, prescribed: 180, dispensed: 130,
                     reference: 225_000, charged: 390_000, patients: 6),
        ])
        #expect(try world.query([.facility], from: Self.from, to: Self.to).map(\.keys) == [["01215"], ["79088"]])
        #expect(try world.query([], from: Self.from, to: Self.to) { $0.facilityCodes = ["01215"] } == [Self.suppressed([])])
    }

    @Test("by day: events fall on the day they happened, expiries on the day validity ended")
    func byDay() async throws {
        let world = try await Self.build()
        #expect(try world.query([.day], from: Self.from, to: Self.to) == [
            Self.row(["2026-01-05"], issued: 6, fully: 4, partly: 2, cancelled: 0, expired: 0, prescribed: 180,
                     dispensed: 130, reference: 225_000, charged: 390_000, patients: 6),
            Self.suppressed(["2026-01-06"]), Self.suppressed(["2026-01-07"]), Self.suppressed(["2026-01-10"]),
            Self.suppressed(["2026-01-11"]),
        ])
    }

    @Test("by ingredient within a province: one row per ingredient with its own quantities and values")
    func byIngredient() async throws {
        let world = try await Self.build()
        #expect(try world.query([.ingredient], from: Self.from, to: Self.to) { $0.provinces = ["79"] } == [
            Self.row(["amoxicillin"], issued: 6, fully: 4, partly: 2, cancelled: 1, expired: 1, prescribed: 120,
                     dispensed: 90, reference: 225_000, charged: 270_000, patients: 6),
            Self.row(["paracetamol"], issued: 6, fully: 4, partly: 2, cancelled: 1, expired: 1, prescribed: 60,
                     dispensed: 40, reference: 0, charged: 120_000, patients: 6),
        ])
    }

    @Test("by ATC class at levels 1 and 3, and filtered by an ATC prefix")
    func byATC() async throws {
        let world = try await Self.build()
        let anti = Self.row(
            ["J"], issued: 8, fully: 4, partly: 2, cancelled: 1, expired: 3, prescribed: 140, dispensed: 90,
            reference: 225_000, charged: 270_000, patients: 6)
        let nervous = Self.row(
            ["N"], issued: 6, fully: 4, partly: 2, cancelled: 1, expired: 1, prescribed: 60, dispensed: 40, reference: 0,
            charged: 120_000, patients: 6)
        #expect(try world.query([.atc], from: Self.from, to: Self.to) { $0.atcLevel = 1 } == [anti, nervous])
        var level3 = [anti, nervous]
        level3[0].keys = ["J01C"]
        level3[1].keys = ["N02B"]
        #expect(try world.query([.atc], from: Self.from, to: Self.to) { $0.atcLevel = 3 } == level3)
        var filtered = nervous
        filtered.keys = ["79"]
        #expect(try world.query([.province], from: Self.from, to: Self.to) { $0.atcPrefixes = ["N02"] } == [filtered])
    }

    @Test("expiry is counted only once the validity window has ended")
    func expiryFollowsTheClock() async throws {
        let world = try await Self.build()
        world.clock.now = Self.start + 3 * Self.day
        #expect(try world.query([], from: Self.from, to: Self.to).first?.expired == 0)
        world.clock.now = Self.start + 5 * Self.day
        #expect(try world.query([], from: Self.from, to: Self.to).first?.expired == 1)
    }

    @Test("top ingredients by prescriptions and by value, with a limit")
    func topN() async throws {
        let world = try await Self.build()
        var request = StatisticsTopNRequest()
        request.fromUnixSeconds = Self.from
        request.toUnixSeconds = Self.to
        request.measure = .prescriptions
        let byCount = try world.statistics.topN(request)
        #expect(byCount.map(\.ingredient) == ["amoxicillin", "paracetamol"])
        #expect(byCount.map(\.prescriptions) == [8, 6])
        #expect(byCount.map(\.rank) == [1, 2])
        request.measure = .value
        request.limit = 1
        let byValue = try world.statistics.topN(request)
        #expect(byValue.count == 1)
        #expect(byValue.first?.valueChargedVND == 270_000)
        #expect(byValue.first?.quantityDispensed == 90)
        #expect(byValue.first?.suppressed == false)
        request.provinces = ["01"]
        #expect(try world.statistics.topN(request).map(\.suppressed) == [true])
    }

    @Test("rates: dispensing, median wait, substitution, interaction alerts; small groups suppressed")
    func rates() async throws {
        let world = try await Self.build()
        var request = StatisticsRatesRequest()
        request.fromUnixSeconds = Self.from
        request.toUnixSeconds = Self.to
        request.provinces = ["79"]
        let rates = try world.statistics.rates(request)
        #expect(rates.prescriptions == 6)
        #expect(rates.dispensed == 5)
        #expect(rates.dispensingRate == 5.0 / 6.0)
        #expect(rates.medianSecondsToFirstDispense == 3 * Self.hour)
        #expect(rates.genericSubstitutionRate == 0.2)
        #expect(rates.interactionAlertShare == 1.0 / 6.0)
        #expect(rates.overrideShare == 0)
        #expect(!rates.suppressed)
        request.provinces = []
        request.facilityCodes = ["01215"]
        #expect(try world.statistics.rates(request).suppressed)
    }

    @Test("bad queries are refused with INVALID_ARGUMENT")
    func invalid() async throws {
        let world = try await Self.build()
        let refusals: [(inout StatisticsQuery) -> Void] = [
            { swap(&$0.fromUnixSeconds, &$0.toUnixSeconds) },
            { $0.groupBy = [.atc]; $0.atcLevel = 6 },
            { $0.groupBy = [.day, .day] },
            { $0.groupBy = [StatisticsDimension(rawValue: 99)] },
        ]
        for refusal in refusals {
            let error = #expect(throws: RPCError.self) { try world.query([], from: Self.from, to: Self.to, configure: refusal) }
            #expect(error?.code == .invalidArgument)
        }
    }
}
