import Foundation
import RxStore

/// Aggregates kept in memory while a generator loads a database, written once at the end: the recorder
/// computes exactly the changes it would write live (``StatisticsRecorder/init(bulkLoad:)``), but instead
/// of one upsert per event into randomly placed B-tree pages, the cells are inserted once, in key order.
///
/// Only for loading a database that has no statistics yet (plain INSERTs); not for a serving store.
public final class StatisticsBulkLoad: @unchecked Sendable {
    struct Cell {
        var change = CellChange()
        var patients: [UInt64] = []
        var sketch: [UInt8]?
    }

    struct RollupKey: Hashable {
        var view: Int64
        var month: Int64
        var province: String
        var type: Int64
        var ingredient: String
        var atc: String
    }

    private let lock = NSLock()
    private var cells: [CellKey: Cell] = [:]
    private var rollups: [RollupKey: Cell] = [:]
    private var products: [ProductCellKey: ProductCell] = [:]

    struct ProductCell {
        var change = ProductChange()
        var patients: [UInt64] = []
    }

    /// - Parameter expectedCells: day cells to reserve room for (a national year: ~4 per prescription),
    ///   so the table is not rehashed while it grows; product cells get room for half as many.
    public init(expectedCells: Int = 0) {
        self.cells.reserveCapacity(expectedCells)
        self.rollups.reserveCapacity(expectedCells / 50)
        self.products.reserveCapacity(expectedCells / 2)
    }

    /// Cells held so far (day cells and rollups).
    public var count: Int { self.lock.withLock { self.cells.count + self.rollups.count + self.products.count } }

    /// Adds product changes to their day and month cells (province and national), as ``StatisticsRecorder/recordProducts`` would.
    func addProducts(_ changes: [(key: ProductCellKey, change: ProductChange)], patient: UInt64?) {
        self.lock.withLock {
            for (key, change) in changes {
                for cell in key.rolledUp {
                    Self.merge(change, patient: patient, into: &self.products[cell, default: ProductCell()])
                }
            }
        }
    }

    /// The same rules as the product upsert: figures summed, the first 16 distinct patients kept.
    private static func merge(_ change: ProductChange, patient: UInt64?, into cell: inout ProductCell) {
        cell.change.add(change)
        guard let patient, cell.patients.count < PatientSketch.exactCapacity, !cell.patients.contains(patient) else { return }
        cell.patients.append(patient)
    }

    func add(_ changes: [(key: CellKey, change: CellChange)], patient: UInt64?) {
        self.lock.withLock {
            for (key, change) in changes {
                let patient = change.isExpiryOnly ? nil : patient
                Self.merge(change, patient: patient, sketched: false, into: &self.cells[key, default: Cell()])
                let perPrescription = key.ingredient.isEmpty && key.atc.isEmpty
                let rollup = RollupKey(
                    view: perPrescription ? 0 : 1, month: VietnamDay.monthStart(of: key.day),
                    province: perPrescription ? key.province : "", type: perPrescription ? key.type : -1,
                    ingredient: key.ingredient, atc: key.atc)
                Self.merge(change, patient: patient, sketched: true, into: &self.rollups[rollup, default: Cell()])
            }
        }
    }

    /// The same rules as the SQL upserts: figures summed, the first 16 distinct patients kept, registers
    /// raised.
    private static func merge(_ change: CellChange, patient: UInt64?, sketched: Bool, into cell: inout Cell) {
        cell.change.add(change)
        guard let patient else { return }
        if sketched && cell.sketch == nil { cell.sketch = StatisticsRecorder.emptySketch }
        if cell.patients.count < PatientSketch.exactCapacity && !cell.patients.contains(patient) {
            cell.patients.append(patient)
        }
        if sketched {
            let (index, rank) = PatientSketch.register(of: patient)
            if let current = cell.sketch?[index], rank > current { cell.sketch?[index] = rank }
        }
    }

    /// Inserts every product cell, day cell and rollup in key order and forgets them; call inside a
    /// transaction.
    public func write(on connection: SQLiteConnection) throws {
        let (cells, rollups, products) = self.lock.withLock {
            defer { self.cells = [:]; self.rollups = [:]; self.products = [:] }
            return (self.cells, self.rollups, self.products)
        }
        try Self.insertProducts(products, on: connection)
        let orderedCells = cells.keys.sorted(by: Self.precedes).map { (key: $0, value: cells[$0] ?? Cell()) }
        try Self.insert(
            orderedCells, columns: 16,
            sql: """
                INSERT INTO stat_cells (day, facility_code, province, type, ingredient, atc, issued, dispensed_fully,
                    dispensed_partly, cancelled, expiring, quantity_prescribed, quantity_dispensed, value_reference_vnd,
                    value_charged_vnd, patients) VALUES
                """,
            on: connection
        ) { key, cell in
            [.integer(key.day), .text(key.facilityCode), .text(key.province), .integer(key.type), .text(key.ingredient),
             .text(key.atc)] + StatisticsRecorder.figures(cell.change) + [.blob(cell.patients.flatMap(PatientSketch.bytes(of:)))]
        }
        let orderedRollups = rollups.keys.sorted { lhs, rhs in
            (lhs.view, lhs.month, lhs.province, lhs.type, lhs.ingredient, lhs.atc)
                < (rhs.view, rhs.month, rhs.province, rhs.type, rhs.ingredient, rhs.atc)
        }.map { (key: $0, value: rollups[$0] ?? Cell()) }
        try Self.insert(
            orderedRollups, columns: 16,
            sql: """
                INSERT INTO stat_rollups (view, month, province, type, ingredient, atc, issued, dispensed_fully,
                    dispensed_partly, cancelled, expiring, quantity_prescribed, quantity_dispensed, value_reference_vnd,
                    value_charged_vnd, patients) VALUES
                """,
            on: connection
        ) { key, cell in
            Self.values(of: key) + StatisticsRecorder.figures(cell.change) + [.blob(cell.patients.flatMap(PatientSketch.bytes(of:)))]
        }
        try Self.insert(
            orderedRollups.filter { $0.value.sketch != nil }, columns: 7,
            sql: "INSERT INTO stat_rollup_sketches (view, month, province, type, ingredient, atc, sketch) VALUES",
            on: connection
        ) { key, cell in Self.values(of: key) + [.blob(cell.sketch ?? StatisticsRecorder.emptySketch)] }
    }

    private static func insertProducts(_ products: [ProductCellKey: ProductCell], on connection: SQLiteConnection) throws {
        let ordered = products.keys.sorted(by: ProductCellKey.precedes)
        var start = 0
        while start < ordered.count {
            let slice = ordered[start..<min(start + 50, ordered.count)]
            var values: [SQLiteValue] = []
            for key in slice {
                let cell = products[key] ?? ProductCell()
                values += StatisticsRecorder.productValues(of: key) + [
                    .integer(cell.change.prescriptions), .integer(cell.change.quantityDispensed),
                    .integer(cell.change.valueChargedVND), .blob(cell.patients.flatMap(PatientSketch.bytes(of:))),
                ]
            }
            try StatisticsRecorder.run(
                """
                INSERT INTO stat_product_cells (grain, day, province, registration_number, atc, prescriptions,
                    quantity_dispensed, value_charged_vnd, patients) VALUES \(StatisticsRecorder.placeholders(rows: slice.count, columns: 9))
                """, values, on: connection)
            start += 50
        }
    }

    private static func values(of key: RollupKey) -> [SQLiteValue] {
        [.integer(key.view), .integer(key.month), .text(key.province), .integer(key.type), .text(key.ingredient), .text(key.atc)]
    }

    /// The order of the day cells' unique index (day, facility, type, ingredient, ATC), so the inserts
    /// append to it.
    private static func precedes(_ lhs: CellKey, _ rhs: CellKey) -> Bool {
        if lhs.day != rhs.day { return lhs.day < rhs.day }
        if lhs.facilityCode != rhs.facilityCode { return lhs.facilityCode.utf8.lexicographicallyPrecedes(rhs.facilityCode.utf8) }
        if lhs.type != rhs.type { return lhs.type < rhs.type }
        if lhs.ingredient != rhs.ingredient { return lhs.ingredient.utf8.lexicographicallyPrecedes(rhs.ingredient.utf8) }
        return lhs.atc.utf8.lexicographicallyPrecedes(rhs.atc.utf8)
    }

    /// Multi-row INSERTs of up to 50 rows each.
    private static func insert<Key>(
        _ rows: [(key: Key, value: Cell)], columns: Int, sql: String, on connection: SQLiteConnection,
        values: (Key, Cell) -> [SQLiteValue]
    ) throws {
        let chunk = 50
        var start = 0
        while start < rows.count {
            let slice = rows[start..<min(start + chunk, rows.count)]
            try StatisticsRecorder.run(
                sql + " " + StatisticsRecorder.placeholders(rows: slice.count, columns: columns),
                slice.flatMap { values($0.key, $0.value) }, on: connection)
            start += chunk
        }
    }
}
