@testable import RxStatistics
import RxStore
import RxWire
import Testing

/// The generator's in-memory aggregation writes exactly the cells and rollups live recording writes.
@Suite("Bulk-loaded aggregates equal live ones")
struct BulkLoadTests {
    /// 2026-02-27 00:00 in Vietnam: the events cross into March.
    static let start: Int64 = 1_772_125_200

    /// The same submits, dispenses (across a month end) and cancels in `world`.
    static func play(_ world: StatisticsWorld) async throws {
        var codes: [String] = []
        for patient in 1...20 {
            world.clock.now = Self.start + Int64(patient) * 15_000
            let products = [FakeProducts.amoxicillin, FakeProducts.paracetamol, FakeProducts.diazepam]
            let lines = (0..<(1 + patient % 3)).map {
                StatisticsWorld.line(UInt32($0 + 1), products[($0 + patient) % 3], quantity: UInt32(5 + patient))
            }
            let type: PrescriptionType = lines.contains { $0.registrationNumber == FakeProducts.diazepam }
                ? .psychotropicPrecursor : .ordinary
            codes.append(try await world.submit(
                patient: 1 + patient % 7, facility: patient % 2 == 0 ? "79088" : "01215", type: type, lines: lines))
        }
        for (index, code) in codes.enumerated() {
            world.clock.now += 3_600
            switch index % 4 {
            case 0: try await world.dispense(code, lines: [(1, 1)], price: Int64(1_000 + index))
            case 1: try await world.dispense(code, lines: [(1, 5 + UInt32(index + 1))])
            case 2: try await world.cancel(code, facility: (index + 1) % 2 == 0 ? "79088" : "01215")
            default: continue
            }
        }
    }

    static func tables(_ world: StatisticsWorld) throws -> [String] { try Self.tables(world.store) }

    static func tables(_ store: Store) throws -> [String] {
        try store.read { connection in
            try connection.query(
                """
                SELECT day, facility_code, province, type, ingredient, atc, issued, dispensed_fully, dispensed_partly,
                    cancelled, quantity_prescribed, quantity_dispensed, value_reference_vnd, value_charged_vnd, hex(patients)
                FROM stat_cells ORDER BY day, facility_code, type, ingredient, atc
                """, row: { row in (0..<15).map { row.string(at: $0) ?? "" }.joined(separator: "|") })
                + connection.query(
                    """
                    SELECT view, month, province, type, ingredient, atc, issued, dispensed_fully, dispensed_partly,
                        cancelled, quantity_prescribed, quantity_dispensed, value_reference_vnd, value_charged_vnd,
                        hex(patients), hex(sketch)
                    FROM stat_rollups LEFT JOIN stat_rollup_sketches USING (view, month, province, type, ingredient, atc)
                    ORDER BY view, month, province, type, ingredient, atc
                    """, row: { row in (0..<16).map { row.string(at: $0) ?? "" }.joined(separator: "|") })
                + connection.query(
                    """
                    SELECT grain, day, province, registration_number, atc, prescriptions, quantity_dispensed,
                        value_charged_vnd, hex(patients)
                    FROM stat_product_cells ORDER BY grain, day, province, registration_number, atc
                    """, row: { row in (0..<9).map { row.string(at: $0) ?? "" }.joined(separator: "|") })
        }
    }

    @Test("same events, same day cells, rollups, patient sets and sketches")
    func bulkEqualsLive() async throws {
        let live = try StatisticsWorld(now: Self.start)
        try await Self.play(live)
        let bulk = StatisticsBulkLoad()
        let loaded = try StatisticsWorld(now: Self.start, recorder: StatisticsRecorder(bulkLoad: bulk))
        try await Self.play(loaded)
        #expect(bulk.count > 0)
        try await loaded.store.write { try bulk.write(on: $0) }
        let expected = try Self.tables(live)
        #expect(expected.count > 20)
        let sketches = try live.store.read {
            try $0.scalar("SELECT count(*) FROM stat_rollup_sketches WHERE sketch <> zeroblob(1024)").int64Value ?? 0
        }
        #expect(sketches > 5)
        let productCells = try live.store.read { try $0.scalar("SELECT count(*) FROM stat_product_cells").int64Value ?? 0 }
        #expect(productCells > 10)
        #expect(try Self.tables(loaded) == expected)
        #expect(bulk.count == 0)
    }
}
