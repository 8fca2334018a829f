import RxStatistics
import RxTransport
import RxWire
import Testing

/// Top-N by product on a small data set where every figure is worked out by hand (see `build`).
@Suite("Top products on a hand-built data set")
struct ProductTopNTests {
    /// 2026-03-01 08:00 in Vietnam.
    static let start: Int64 = 1_772_326_800
    static let hour: Int64 = 3_600
    static let day: Int64 = 86_400
    /// 2026-03-01, 03-02 and 03-03 00:00 in Vietnam.
    static let firstDay: Int64 = 1_772_298_000
    static let secondDay = firstDay + day
    static let thirdDay = secondDay + day

    /// Day 1: 79088 prescribes amoxicillin 10 + paracetamol 20 for patients 1-6, diazepam 10 for patients
    /// 1-2; 01215 prescribes amoxicillin 10 for patients 7-8. Day 2: the six 79088 prescriptions are
    /// dispensed in two visits — line 1 for patient 1 as prescribed at 3,000 VND, for patients 2-6 with the
    /// generic brand at 2,000 VND; then paracetamol 20 at 1,000 VND.
    ///
    /// Prescriptions: amoxicillin 8 (8 patients), paracetamol 6, diazepam 2 (suppressed), generic 0.
    /// Value charged: paracetamol 120,000; generic 100,000 (50 units, 5 patients); amoxicillin 30,000.
    static func build() async throws -> StatisticsWorld {
        let world = try StatisticsWorld(now: Self.start)
        var codes: [String] = []
        for patient in 1...6 {
            codes.append(try await world.submit(patient: patient, lines: [
                StatisticsWorld.line(1, FakeProducts.amoxicillin, quantity: 10),
                StatisticsWorld.line(2, FakeProducts.paracetamol, quantity: 20),
            ]))
        }
        for patient in 1...2 {
            _ = try await world.submit(
                patient: patient, type: .psychotropicPrecursor, lines: [StatisticsWorld.line(1, FakeProducts.diazepam, quantity: 10)])
        }
        for patient in 7...8 {
            _ = try await world.submit(
                patient: patient, facility: "01215", prescriber: 1,
                lines: [StatisticsWorld.line(1, FakeProducts.amoxicillin, quantity: 10)])
        }
        for (index, code) in codes.enumerated() {
            world.clock.now = Self.start + Self.day + Int64(index) * Self.hour
            if index == 0 {
                try await world.dispense(code, lines: [(1, 10)], price: 3_000)
            } else {
                try await world.dispense(code, lines: [(1, 10)], product: FakeProducts.amoxicillinGeneric, price: 2_000)
            }
            try await world.dispense(code, lines: [(2, 20)], price: 1_000)
        }
        world.clock.now = Self.start + 10 * Self.day
        return world
    }

    static func request(
        from: Int64 = firstDay, to: Int64 = thirdDay, measure: StatisticsTopNMeasure = .prescriptions,
        configure: (inout StatisticsTopNRequest) -> Void = { _ in }
    ) -> StatisticsTopNRequest {
        var request = StatisticsTopNRequest()
        request.subject = .product
        request.fromUnixSeconds = from
        request.toUnixSeconds = to
        request.measure = measure
        configure(&request)
        return request
    }

    @Test("by prescriptions issued: ranks, counts, the substitute has none, a two-patient product is suppressed")
    func byCount() async throws {
        let world = try await Self.build()
        let entries = try world.statistics.topN(Self.request())
        #expect(entries.map(\.registrationNumber)
            == [FakeProducts.amoxicillin, FakeProducts.paracetamol, FakeProducts.diazepam, FakeProducts.amoxicillinGeneric])
        #expect(entries.map(\.rank) == [1, 2, 3, 4])
        #expect(entries.map(\.prescriptions) == [8, 6, 0, 0])
        #expect(entries.map(\.suppressed) == [false, false, true, false])
        #expect(entries.allSatisfy { $0.ingredient.isEmpty })
    }

    @Test("by value charged: the dispensed product gets the value of a substituted line")
    func byValue() async throws {
        let world = try await Self.build()
        let entries = try world.statistics.topN(Self.request(measure: .value))
        #expect(entries.map(\.registrationNumber)
            == [FakeProducts.paracetamol, FakeProducts.amoxicillinGeneric, FakeProducts.amoxicillin, FakeProducts.diazepam])
        #expect(entries.map(\.valueChargedVND) == [120_000, 100_000, 30_000, 0])
        #expect(entries.map(\.quantityDispensed) == [120, 50, 10, 0])
        #expect(entries.map(\.suppressed) == [false, false, false, true])
        let first = try world.statistics.topN(Self.request(measure: .value) { $0.limit = 1 })
        #expect(first.map(\.registrationNumber) == [FakeProducts.paracetamol])
    }

    @Test("filters: provinces, ATC prefixes, and the time range (issue day vs dispense day)")
    func filters() async throws {
        let world = try await Self.build()
        let inHanoi = try world.statistics.topN(Self.request { $0.provinces = ["01"] })
        #expect(inHanoi.map(\.registrationNumber) == [FakeProducts.amoxicillin])
        #expect(inHanoi.map(\.suppressed) == [true])
        let inHCMC = try world.statistics.topN(Self.request { $0.provinces = ["79"] })
        #expect(inHCMC.first?.prescriptions == 6)
        let nervous = try world.statistics.topN(Self.request { $0.atcPrefixes = ["n"] })
        #expect(nervous.map(\.registrationNumber) == [FakeProducts.paracetamol, FakeProducts.diazepam])
        let analgesics = try world.statistics.topN(Self.request { $0.atcPrefixes = ["N02"] })
        #expect(analgesics.map(\.registrationNumber) == [FakeProducts.paracetamol])
        let antibiotics = try world.statistics.topN(Self.request(measure: .value) { $0.atcPrefixes = ["J01"] })
        #expect(antibiotics.map(\.registrationNumber) == [FakeProducts.amoxicillinGeneric, FakeProducts.amoxicillin])

        let issueDay = try world.statistics.topN(Self.request(to: Self.secondDay, measure: .value))
        // No value on the issue day: equal figures rank by registration number.
        #expect(issueDay.map(\.registrationNumber) == [FakeProducts.paracetamol, FakeProducts.diazepam, FakeProducts.amoxicillin])
        #expect(issueDay.map(\.valueChargedVND) == [0, 0, 0])
        let dispenseDay = try world.statistics.topN(Self.request(from: Self.secondDay, measure: .value))
        #expect(dispenseDay.map(\.registrationNumber)
            == [FakeProducts.paracetamol, FakeProducts.amoxicillinGeneric, FakeProducts.amoxicillin])
        #expect(dispenseDay.map(\.prescriptions) == [0, 0, 0])
        #expect(dispenseDay.map(\.suppressed) == [false, false, true])
    }

    @Test("a range with a whole month reads the month cells (national, or per province) and gives the same answer as the days")
    func wholeMonth() async throws {
        let world = try await Self.build()
        for measure in [StatisticsTopNMeasure.prescriptions, .value] {
            for provinces in [[], ["79"], ["01"]] {
                let days = try world.statistics.topN(Self.request(measure: measure) { $0.provinces = provinces })
                let months = try world.statistics.topN(Self.request(
                    from: Self.firstDay - 14 * Self.day, to: Self.firstDay + 40 * Self.day, measure: measure
                ) { $0.provinces = provinces })
                #expect(months == days)
                #expect(!months.isEmpty)
            }
        }
    }

    @Test("names come from the catalog table when the database has one")
    func names() async throws {
        let world = try await Self.build()
        try await world.store.write { connection in
            _ = try connection.run("CREATE TABLE catalog_product (registration_number TEXT PRIMARY KEY, brand_name TEXT NOT NULL)")
            _ = try connection.run(
                "INSERT INTO catalog_product VALUES (?, 'Amoxicillin 500 mg')", .text(FakeProducts.amoxicillin))
        }
        let entries = try world.statistics.topN(Self.request())
        #expect(entries.map(\.productName) == ["Amoxicillin 500 mg", "", "", ""])
    }

    @Test("an unknown subject is refused with INVALID_ARGUMENT")
    func unknownSubject() async throws {
        let world = try await Self.build()
        let error = #expect(throws: RPCError.self) {
            try world.statistics.topN(Self.request { $0.subject = StatisticsTopNSubject(rawValue: 7) })
        }
        #expect(error?.code == .invalidArgument)
    }
}
