import RxStore

extension StatisticsBulkLoad {
    /// Adds a batch's merged changes to the stored rows, with the rules of the one-event upserts in
    /// ``StatisticsRecorder``: figures summed; the batch's patients appended in order to each stored set
    /// (skipping those it holds) until it holds 16; sketch registers raised. One read and one write per
    /// distinct row, whatever the number of events that touched it, through statements prepared once.
    /// Runs inside the applier's transaction.
    func upsert(on connection: SQLiteConnection) throws {
        let cellKey = "day = ? AND facility_code = ? AND type = ? AND ingredient = ? AND atc = ?"
        for (key, cell) in self.cells {
            let bindKey = { (statement: SQLiteStatement, first: Int) throws in
                try statement.bind(key.day, at: first)
                try statement.bind(key.facilityCode, at: first + 1)
                try statement.bind(key.type, at: first + 2)
                try statement.bind(key.ingredient, at: first + 3)
                try statement.bind(key.atc, at: first + 4)
            }
            let stored = try Self.storedBlob("SELECT patients FROM stat_cells WHERE \(cellKey)", bindKey, on: connection)
            try connection.withStatement(Self.cellUpsert) { statement in
                try bindKey(statement, 1)
                try statement.bind(key.province, at: 6)
                try Self.bindFigures(cell.change, from: 7, to: statement)
                try statement.bind(Self.mergedSet(stored ?? [], adding: cell.patients), at: 16)
                while try statement.step() {}
            }
        }
        let rollupKey = "view = ? AND month = ? AND province = ? AND type = ? AND ingredient = ? AND atc = ?"
        for (key, cell) in self.rollups {
            let bindKey = { (statement: SQLiteStatement, first: Int) throws in
                try statement.bind(key.view, at: first)
                try statement.bind(key.month, at: first + 1)
                try statement.bind(key.province, at: first + 2)
                try statement.bind(key.type, at: first + 3)
                try statement.bind(key.ingredient, at: first + 4)
                try statement.bind(key.atc, at: first + 5)
            }
            let stored = try Self.storedBlob("SELECT patients FROM stat_rollups WHERE \(rollupKey)", bindKey, on: connection)
            try connection.withStatement(Self.rollupUpsert) { statement in
                try bindKey(statement, 1)
                try Self.bindFigures(cell.change, from: 7, to: statement)
                try statement.bind(Self.mergedSet(stored ?? [], adding: cell.patients), at: 16)
                while try statement.step() {}
            }
            guard let sketch = cell.sketch else { continue }
            let storedSketch = try Self.storedBlob("SELECT sketch FROM stat_rollup_sketches WHERE \(rollupKey)", bindKey, on: connection)
            // A stored sketch of another size cannot be merged register by register; the batch's replaces it.
            var merged = sketch
            if let storedSketch, storedSketch.count == sketch.count {
                merged = storedSketch
                for index in merged.indices where sketch[index] > merged[index] { merged[index] = sketch[index] }
                guard merged != storedSketch else { continue }
            }
            try connection.withStatement(Self.sketchUpsert) { statement in
                try bindKey(statement, 1)
                try statement.bind(merged, at: 7)
                while try statement.step() {}
            }
        }
        let productKey = "grain = ? AND day = ? AND province = ? AND registration_number = ? AND atc = ?"
        for (key, cell) in self.products {
            let bindKey = { (statement: SQLiteStatement, first: Int) throws in
                try statement.bind(key.grain, at: first)
                try statement.bind(key.day, at: first + 1)
                try statement.bind(key.province, at: first + 2)
                try statement.bind(key.registrationNumber, at: first + 3)
                try statement.bind(key.atc, at: first + 4)
            }
            let stored = try Self.storedBlob("SELECT patients FROM stat_product_cells WHERE \(productKey)", bindKey, on: connection)
            try connection.withStatement(Self.productUpsert) { statement in
                try bindKey(statement, 1)
                try statement.bind(cell.change.prescriptions, at: 6)
                try statement.bind(cell.change.quantityDispensed, at: 7)
                try statement.bind(cell.change.valueChargedVND, at: 8)
                try statement.bind(Self.mergedSet(stored ?? [], adding: cell.patients), at: 9)
                while try statement.step() {}
            }
        }
        self.cells.removeAll(keepingCapacity: true)
        self.rollups.removeAll(keepingCapacity: true)
        self.products.removeAll(keepingCapacity: true)
    }

    /// The one blob column `sql` selects for a key, or `nil` when the row does not exist yet.
    private static func storedBlob(
        _ sql: String, _ bindKey: (SQLiteStatement, Int) throws -> Void, on connection: SQLiteConnection
    ) throws -> [UInt8]? {
        try connection.withStatement(sql) { statement in
            try bindKey(statement, 1)
            return try statement.step() ? statement.blob(at: 0) ?? [] : nil
        }
    }

    /// `stored` with `patients` appended in order, each unless present, until it holds 16 hashes.
    static func mergedSet(_ stored: [UInt8], adding patients: [UInt64]) -> [UInt8] {
        var hashes = PatientSketch.hashes(in: stored)
        for patient in patients where hashes.count < PatientSketch.exactCapacity && !hashes.contains(patient) {
            hashes.append(patient)
        }
        return hashes.flatMap(PatientSketch.bytes(of:))
    }

    private static func bindFigures(_ change: CellChange, from first: Int, to statement: SQLiteStatement) throws {
        let figures = [
            change.issued, change.dispensedFully, change.dispensedPartly, change.cancelled, change.expiring,
            change.quantityPrescribed, change.quantityDispensed, change.valueReferenceVND, change.valueChargedVND,
        ]
        for (offset, figure) in figures.enumerated() { try statement.bind(figure, at: first + offset) }
    }

    static let cellUpsert = """
        INSERT INTO stat_cells (day, facility_code, type, ingredient, atc, province, issued, dispensed_fully,
            dispensed_partly, cancelled, expiring, quantity_prescribed, quantity_dispensed, value_reference_vnd,
            value_charged_vnd, patients)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (day, facility_code, type, ingredient, atc) DO UPDATE SET \(StatisticsRecorder.figureUpdates),
            patients = excluded.patients
        """

    static let rollupUpsert = """
        INSERT INTO stat_rollups (view, month, province, type, ingredient, atc, issued, dispensed_fully,
            dispensed_partly, cancelled, expiring, quantity_prescribed, quantity_dispensed, value_reference_vnd,
            value_charged_vnd, patients)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (view, month, province, type, ingredient, atc) DO UPDATE SET \(StatisticsRecorder.figureUpdates),
            patients = excluded.patients
        """

    static let sketchUpsert = """
        INSERT INTO stat_rollup_sketches (view, month, province, type, ingredient, atc, sketch)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (view, month, province, type, ingredient, atc) DO UPDATE SET sketch = excluded.sketch
        """

    static let productUpsert = """
        INSERT INTO stat_product_cells (grain, day, province, registration_number, atc, prescriptions,
            quantity_dispensed, value_charged_vnd, patients)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (grain, day, province, registration_number, atc) DO UPDATE SET
            prescriptions = prescriptions + excluded.prescriptions,
            quantity_dispensed = quantity_dispensed + excluded.quantity_dispensed,
            value_charged_vnd = value_charged_vnd + excluded.value_charged_vnd, patients = excluded.patients
        """
}
