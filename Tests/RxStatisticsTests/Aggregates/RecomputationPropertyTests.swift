@testable import RxStatistics
import RxStore
import RxWire
import Testing

/// After a random mix of submits, partial and full dispenses (sometimes with another brand), cancels,
/// replacements and expiries, the aggregates equal a recomputation from the prescription tables themselves,
/// and the monthly rollups equal the day cells summed by month; so do the product cells (day and month).
@Suite("Aggregates equal a full recomputation")
struct RecomputationPropertyTests {
    static let start: Int64 = 1_772_326_800
    static let products = [FakeProducts.amoxicillin, FakeProducts.paracetamol, FakeProducts.diazepam]

    @Test("random mixes, recorded inline and through the outbox", arguments: [UInt64(1), 2, 3, 4, 5], [false, true])
    func randomMix(seed: UInt64, outbox: Bool) async throws {
        let world = try StatisticsWorld(now: Self.start, outboxBatchSize: outbox ? 7 : nil)
        var generator = SplitMix64(seed: seed)
        var open: [(code: String, lines: [(UInt32, UInt32)], facility: String)] = []
        var replaced = 0
        for _ in 0..<80 {
            world.clock.now += Int64(generator.next() % 30_000)
            switch generator.next() % 5 {
            case 0, 1:
                let facility = generator.next() % 3 == 0 ? "01215" : "79088"
                let count = 1 + Int(generator.next() % 3)
                var lines: [DrugLine] = []
                for index in 0..<count {
                    let product = Self.products[(index + Int(generator.next() % 3)) % 3]
                    guard !lines.contains(where: { $0.registrationNumber == product }) else { continue }
                    lines.append(StatisticsWorld.line(
                        UInt32(lines.count + 1), product, quantity: UInt32(5 + generator.next() % 20)))
                }
                let isPsychotropic = lines.contains { $0.registrationNumber == FakeProducts.diazepam }
                let code = try await world.submit(
                    patient: 1 + Int(generator.next() % 9), facility: facility, prescriber: UInt8(generator.next() % 4),
                    type: isPsychotropic ? .psychotropicPrecursor : .ordinary, lines: lines)
                open.append((code, lines.map { ($0.lineNumber, $0.quantity) }, facility))
            case 2, 3:
                guard !open.isEmpty else { continue }
                let index = Int(generator.next() % UInt64(open.count))
                let item = open[index]
                let full = generator.next() % 2 == 0
                let lines = full ? item.lines : [(item.lines[0].0, max(1, item.lines[0].1 / 2))]
                let substitute = item.lines.count == 1 && generator.next() % 3 == 0
                    && (try? world.store.read { connection in
                        try connection.scalar(
                            """
                            SELECT l.registration_number FROM prescription_lines l JOIN prescriptions p ON p.id = l.prescription_id
                            WHERE p.code = ? AND l.line_number = 1
                            """,
                            .text(item.code)).stringValue
                    }) == FakeProducts.amoxicillin
                do {
                    try await world.dispense(
                        item.code, pharmacy: "48\(100 + generator.next() % 5)", lines: lines,
                        product: substitute ? FakeProducts.amoxicillinGeneric : "", price: Int64(1_000 + generator.next() % 5_000))
                    if full { open.remove(at: index) } else { open[index].lines[0].1 -= lines[0].1 }
                } catch {
                    open.remove(at: index)  // expired meanwhile
                }
            default:
                guard !open.isEmpty else { continue }
                let index = Int(generator.next() % UInt64(open.count))
                let item = open[index]
                open.remove(at: index)
                guard generator.next() % 2 == 0 else {
                    try? await world.cancel(item.code, facility: item.facility)
                    continue
                }
                let lines = [StatisticsWorld.line(1, Self.products[Int(generator.next() % 2)], quantity: 7)]
                guard let code = try? await world.submit(
                    patient: 1 + Int(generator.next() % 9), facility: item.facility, lines: lines, replaces: item.code)
                else { continue }
                replaced += 1
                open.append((code, [(1, 7)], item.facility))
            }
        }
        #expect(replaced > 0)
        world.clock.now += 4 * 86_400
        if outbox {
            let pending = try world.store.read { try $0.scalar("SELECT count(*) FROM stat_outbox").int64Value ?? 0 }
            #expect(pending > 7)
            try await world.statistics.catchUp()
        }
        let (aggregated, recomputed) = try world.store.read { connection in
            (try Self.aggregated(on: connection), try Self.recomputed(on: connection))
        }
        #expect(aggregated == recomputed)
        let dispenses = try world.store.read { try $0.scalar("SELECT count(*) FROM dispenses").int64Value ?? 0 }
        #expect(dispenses > 0)
        let (ingredients, recomputedIngredients) = try world.store.read { connection in
            (try Self.aggregatedIngredients(on: connection), try Self.recomputedIngredients(on: connection))
        }
        #expect(ingredients == recomputedIngredients)
        let (products, recomputedProducts) = try world.store.read { connection in
            (try Self.aggregatedProducts(on: connection), try Self.recomputedProducts(on: connection))
        }
        #expect(products == recomputedProducts)
        #expect(products.values.contains { $0[2] != "0" })
        for grain: Int64 in [1, 2] {
            let (productMonths, productDays) = try world.store.read { connection in
                (try Self.productMonths(grain: grain, on: connection), try Self.productDaysByMonth(grain: grain, on: connection))
            }
            #expect(productMonths == productDays)
            #expect(!productMonths.isEmpty)
        }
        let (expiring, stillOpen) = try world.store.read { connection in
            (try connection.query(
                "SELECT day || '|' || facility_code, sum(expiring) FROM stat_cells WHERE ingredient = '' GROUP BY 1 HAVING sum(expiring) <> 0 ORDER BY 1",
                row: { "\($0.string(at: 0) ?? "")=\($0.int64(at: 1))" }),
             try connection.query(
                """
                SELECT ((valid_until + 25200) / 86400) || '|' || facility_code, count(*) FROM prescriptions
                WHERE status IN ('active', 'partly_dispensed') GROUP BY 1 ORDER BY 1
                """, row: { "\($0.string(at: 0) ?? "")=\($0.int64(at: 1))" }))
        }
        #expect(expiring == stillOpen)
        for view in [0, 1] {
            let (rollups, regrouped) = try world.store.read { connection in
                (try Self.rollups(view: view, on: connection), try Self.dayCellsByMonth(view: view, on: connection))
            }
            #expect(rollups == regrouped)
            #expect(!rollups.isEmpty)
        }
        let total = try world.query([], from: Self.start - 86_400, to: world.clock.now + 86_400).first
        let expired = try world.store.read { connection in
            try connection.scalar(
                "SELECT count(*) FROM prescriptions WHERE status IN ('active', 'partly_dispensed') AND valid_until <= ?",
                .integer(world.clock.now)).int64Value
        }
        #expect(total.map { $0.suppressed || Int64($0.expired) == expired } == true)
    }

    typealias Figures = [String: [Int64]]

    /// The figures and exact patient sets of one rollup view.
    static func rollups(view: Int, on connection: SQLiteConnection) throws -> [String: [String]] {
        var figures: [String: [String]] = [:]
        for row in try connection.query(
            """
            SELECT month || '|' || province || '|' || type || '|' || ingredient || '|' || atc, issued, dispensed_fully,
                dispensed_partly, cancelled, quantity_prescribed, quantity_dispensed, value_reference_vnd,
                value_charged_vnd, patients
            FROM stat_rollups WHERE view = ?
            """, .integer(Int64(view)), row: { row in
                (row.string(at: 0) ?? "", (1...8).map { String(row.int64(at: $0)) }
                    + [Set(PatientSketch.hashes(in: row.blob(at: 9) ?? [])).sorted().description])
            })
        {
            figures[row.0] = row.1
        }
        return figures
    }

    /// The day cells summed per month the way the rollup view keys them, with their patients merged.
    static func dayCellsByMonth(view: Int, on connection: SQLiteConnection) throws -> [String: [String]] {
        var sums: [String: ([Int64], Set<UInt64>)] = [:]
        for row in try connection.query(
            """
            SELECT day, province, type, ingredient, atc, issued, dispensed_fully, dispensed_partly, cancelled,
                quantity_prescribed, quantity_dispensed, value_reference_vnd, value_charged_vnd, patients
            FROM stat_cells WHERE (ingredient = '') = ?
            """, .integer(view == 0 ? 1 : 0), row: { row in
                let month = VietnamDay.monthStart(of: row.int64(at: 0))
                let key = view == 0
                    ? "\(month)|\(row.string(at: 1) ?? "")|\(row.int64(at: 2))||"
                    : "\(month)||-1|\(row.string(at: 3) ?? "")|\(row.string(at: 4) ?? "")"
                return (key, (5..<13).map { row.int64(at: $0) }, PatientSketch.hashes(in: row.blob(at: 13) ?? []))
            })
        {
            var sum = sums[row.0] ?? (Array(repeating: 0, count: 8), [])
            for index in 0..<8 { sum.0[index] += row.1[index] }
            sum.1.formUnion(row.2)
            sums[row.0] = sum
        }
        return sums.mapValues { $0.0.map(String.init) + [$0.1.sorted().description] }
    }

    static func aggregated(on connection: SQLiteConnection) throws -> Figures {
        var figures: Figures = [:]
        for row in try connection.query(
            """
            SELECT day || '|' || facility_code || '|' || type, issued, dispensed_fully, dispensed_partly, cancelled,
                quantity_prescribed, quantity_dispensed, value_reference_vnd, value_charged_vnd
            FROM stat_cells WHERE ingredient = '' AND (issued OR dispensed_fully OR dispensed_partly OR cancelled
                OR quantity_prescribed OR quantity_dispensed OR value_reference_vnd OR value_charged_vnd)
            """, row: { row in (row.string(at: 0) ?? "", (1...8).map { row.int64(at: $0) }) })
        {
            figures[row.0] = row.1
        }
        return figures
    }

    static func recomputed(on connection: SQLiteConnection) throws -> Figures {
        var figures: Figures = [:]
        func add(_ sql: String, column: Int) throws {
            for row in try connection.query(sql, row: { ($0.string(at: 0) ?? "", $0.int64(at: 1)) }) {
                figures[row.0, default: Array(repeating: 0, count: 8)][column] += row.1
            }
        }
        let key = "((%@ + 25200) / 86400) || '|' || p.facility_code || '|' || p.type"
        func keyed(_ time: String) -> String { key.replacingOccurrences(of: "%@", with: time) }
        try add("SELECT \(keyed("p.issued_at")), count(*) FROM prescriptions p GROUP BY 1", column: 0)
        for (status, column) in [("completed", 1), ("partly_dispensed", 2), ("cancelled", 3)] {
            try add(
                """
                SELECT \(keyed("h.changed_at")), count(*) FROM prescription_status_history h
                JOIN prescriptions p ON p.id = h.prescription_id WHERE h.status = '\(status)' GROUP BY 1
                """, column: column)
        }
        try add(
            """
            SELECT \(keyed("p.issued_at")), sum(l.quantity) FROM prescription_lines l
            JOIN prescriptions p ON p.id = l.prescription_id GROUP BY 1
            """,
            column: 4)
        for (expression, column) in [("dl.quantity", 5), ("dl.quantity * dl.reference_unit_price_vnd", 6),
                                     ("dl.quantity * dl.unit_price_vnd", 7)] {
            try add(
                """
                SELECT \(keyed("d.dispensed_at")), sum(\(expression)) FROM dispense_lines dl
                JOIN dispenses d ON d.id = dl.dispense_id JOIN prescriptions p ON p.code = d.code GROUP BY 1
                """, column: column)
        }
        return figures
    }

    static func aggregatedIngredients(on connection: SQLiteConnection) throws -> [String: Int64] {
        Dictionary(uniqueKeysWithValues: try connection.query(
            "SELECT ingredient, sum(issued) FROM stat_cells WHERE ingredient <> '' GROUP BY ingredient",
            row: { ($0.string(at: 0) ?? "", $0.int64(at: 1)) }))
    }

    /// Prescriptions per ingredient, counted once per prescription, from the stored lines.
    static func recomputedIngredients(on connection: SQLiteConnection) throws -> [String: Int64] {
        var perPrescription: [String: Set<String>] = [:]
        for row in try connection.query(
            "SELECT p.code, l.ingredients FROM prescription_lines l JOIN prescriptions p ON p.id = l.prescription_id",
            row: { ($0.string(at: 0) ?? "", $0.string(at: 1) ?? "") })
        {
            for name in row.1.split(separator: "\n") { perPrescription[row.0, default: []].insert(name.lowercased()) }
        }
        var counts: [String: Int64] = [:]
        for names in perPrescription.values { for name in names { counts[name, default: 0] += 1 } }
        return counts
    }
}
