@testable import RxStatistics
import RxStore

/// The product cells recomputed from the prescription tables: prescriptions issued per (issue day, province,
/// registration number), quantity and value per (dispense day, province, product handed out), and the
/// patients of each (hashed from the key the prescription was filed under).
extension RecomputationPropertyTests {
    typealias ProductCells = [String: [String]]

    /// Day cells summed over ATC codes, keyed "day|province|registration number": three figures and the
    /// sorted patient hashes.
    static func aggregatedProducts(on connection: SQLiteConnection) throws -> ProductCells {
        var sums: [String: ([Int64], Set<UInt64>)] = [:]
        for row in try connection.query(
            """
            SELECT day || '|' || province || '|' || registration_number, prescriptions, quantity_dispensed,
                value_charged_vnd, patients
            FROM stat_product_cells WHERE grain = 0
            """, row: { row in
                (row.string(at: 0) ?? "", (1...3).map { row.int64(at: $0) }, PatientSketch.hashes(in: row.blob(at: 4) ?? []))
            })
        {
            var sum = sums[row.0] ?? ([0, 0, 0], [])
            for index in 0..<3 { sum.0[index] += row.1[index] }
            sum.1.formUnion(row.2)
            sums[row.0] = sum
        }
        return sums.mapValues { $0.0.map(String.init) + [$0.1.sorted().description] }
    }

    static func recomputedProducts(on connection: SQLiteConnection) throws -> ProductCells {
        var sums: [String: ([Int64], Set<UInt64>)] = [:]
        func add(_ sql: String) throws {
            for row in try connection.query(sql, row: { row in
                (row.string(at: 0) ?? "", (1...3).map { row.int64(at: $0) }, row.blob(at: 4) ?? [])
            }) {
                var sum = sums[row.0] ?? ([0, 0, 0], [])
                for index in 0..<3 { sum.0[index] += row.1[index] }
                sum.1.insert(PatientSketch.hash(row.2))
                sums[row.0] = sum
            }
        }
        try add(
            """
            SELECT ((p.issued_at + 25200) / 86400) || '|' || substr(p.facility_code, 1, 2) || '|' || l.registration_number,
                count(DISTINCT p.code), 0, 0, s.patient_key
            FROM prescription_lines l JOIN prescriptions p ON p.id = l.prescription_id JOIN stat_prescriptions s ON s.id = p.id
            GROUP BY 1, s.patient_key
            """)
        try add(
            """
            SELECT ((d.dispensed_at + 25200) / 86400) || '|' || substr(p.facility_code, 1, 2) || '|' || dl.registration_number,
                0, sum(dl.quantity), sum(dl.quantity * dl.unit_price_vnd), s.patient_key
            FROM dispense_lines dl JOIN dispenses d ON d.id = dl.dispense_id JOIN prescriptions p ON p.code = d.code
                JOIN stat_prescriptions s ON s.id = p.id
            GROUP BY 1, s.patient_key
            """)
        return sums.mapValues { $0.0.map(String.init) + [$0.1.sorted().description] }
    }

    /// Month cells of `grain` (1 per province, 2 national) keyed "month|province|registration number|ATC"
    /// with their figures and patients.
    static func productMonths(grain: Int64, on connection: SQLiteConnection) throws -> ProductCells {
        var cells: ProductCells = [:]
        for row in try connection.query(
            """
            SELECT day || '|' || province || '|' || registration_number || '|' || atc, prescriptions, quantity_dispensed,
                value_charged_vnd, patients
            FROM stat_product_cells WHERE grain = ?
            """, .integer(grain), row: { row in
                (row.string(at: 0) ?? "", (1...3).map { String(row.int64(at: $0)) }
                    + [Set(PatientSketch.hashes(in: row.blob(at: 4) ?? [])).sorted().description])
            })
        {
            cells[row.0] = row.1
        }
        return cells
    }

    /// The day cells summed per month, as the month cells of `grain` key them.
    static func productDaysByMonth(grain: Int64, on connection: SQLiteConnection) throws -> ProductCells {
        var sums: [String: ([Int64], Set<UInt64>)] = [:]
        for row in try connection.query(
            """
            SELECT day, province, registration_number, atc, prescriptions, quantity_dispensed, value_charged_vnd, patients
            FROM stat_product_cells WHERE grain = 0
            """, row: { row in
                ("\(VietnamDay.monthStart(of: row.int64(at: 0)))|\(grain == 2 ? "" : row.string(at: 1) ?? "")|\(row.string(at: 2) ?? "")|\(row.string(at: 3) ?? "")",
                 (4...6).map { row.int64(at: $0) }, PatientSketch.hashes(in: row.blob(at: 7) ?? []))
            })
        {
            var sum = sums[row.0] ?? ([0, 0, 0], [])
            for index in 0..<3 { sum.0[index] += row.1[index] }
            sum.1.formUnion(row.2)
            sums[row.0] = sum
        }
        return sums.mapValues { $0.0.map(String.init) + [$0.1.sorted().description] }
    }
}
