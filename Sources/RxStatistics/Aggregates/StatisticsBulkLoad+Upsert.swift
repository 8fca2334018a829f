import RxStore

extension StatisticsBulkLoad {
    /// Adds a batch's merged changes to the stored rows, with the rules of the one-event upserts in
    /// ``StatisticsRecorder``: figures summed; the batch's patients appended in order to each stored set
    /// (skipping those it holds) until it holds 16; sketch registers raised. One read and one write per
    /// distinct row, whatever the number of events that touched it, through statements prepared once.
    /// Runs inside the applier's transaction.
    func upsert(on connection: SQLiteConnection) throws {
        for (key, cell) in self.cells {
            try Self.upsert(
                select: "SELECT patients FROM stat_cells WHERE day = ? AND facility_code = ? AND type = ? AND ingredient = ? AND atc = ?",
                upsert: Self.cellUpsert, patients: cell.patients, patientsParameter: 16, on: connection
            ) { statement, withValues in
                try statement.bind(key.day, at: 1)
                try statement.bind(key.facilityCode, at: 2)
                try statement.bind(key.type, at: 3)
                try statement.bind(key.ingredient, at: 4)
                try statement.bind(key.atc, at: 5)
                guard withValues else { return }
                try statement.bind(key.province, at: 6)
                try Self.bind(cell.change, from: 7, to: statement)
            }
        }
        let rollupKey = "view = ? AND month = ? AND province = ? AND type = ? AND ingredient = ? AND atc = ?"
        for (key, cell) in self.rollups {
            try Self.upsert(
                select: "SELECT patients FROM stat_rollups WHERE \(rollupKey)", upsert: Self.rollupUpsert,
                patients: cell.patients, patientsParameter: 16, on: connection
            ) { statement, withValues in
                try Self.bind(key, to: statement)
                if withValues { try Self.bind(cell.change, from: 7, to: statement) }
            }
            guard let sketch = cell.sketch else { continue }
            let storedSketch = try connection.withStatement("SELECT sketch FROM stat_rollup_sketches WHERE \(rollupKey)") {
                statement in
                try Self.bind(key, to: statement)
                return try statement.step() ? statement.blob(at: 0) ?? [] : nil
            }
            // A stored sketch of another size cannot be merged register by register; the batch's replaces it.
            var merged = sketch
            if let storedSketch, storedSketch.count == sketch.count {
                merged = storedSketch
                for index in merged.indices where sketch[index] > merged[index] { merged[index] = sketch[index] }
                guard merged != storedSketch else { continue }
            }
            try connection.withStatement(Self.sketchUpsert) { statement in
                try Self.bind(key, to: statement)
                try statement.bind(merged, at: 7)
                while try statement.step() {}
            }
        }
        for (key, cell) in self.products {
            try Self.upsert(
                select: "SELECT patients FROM stat_product_cells WHERE grain = ? AND day = ? AND province = ? AND registration_number = ? AND atc = ?",
                upsert: Self.productUpsert, patients: cell.patients, patientsParameter: 9, on: connection
            ) { statement, withValues in
                try statement.bind(key.grain, at: 1)
                try statement.bind(key.day, at: 2)
                try statement.bind(key.province, at: 3)
                try statement.bind(key.registrationNumber, at: 4)
                try statement.bind(key.atc, at: 5)
                guard withValues else { return }
                try statement.bind(cell.change.prescriptions, at: 6)
                try statement.bind(cell.change.quantityDispensed, at: 7)
                try statement.bind(cell.change.valueChargedVND, at: 8)
            }
        }
        self.cells.removeAll(keepingCapacity: true)
        self.rollups.removeAll(keepingCapacity: true)
        self.products.removeAll(keepingCapacity: true)
    }

    /// One row: its stored patient set read with `select`, then `upsert` with the merged set at
    /// `patientsParameter`. `bind(statement, withValues)` binds the key (the leading parameters of both
    /// statements) and, for the upsert, the row's other values.
    private static func upsert(
        select: String, upsert: String, patients: [UInt64], patientsParameter: Int, on connection: SQLiteConnection,
        bind: (SQLiteStatement, _ withValues: Bool) throws -> Void
    ) throws {
        let stored = try connection.withStatement(select) { statement in
            try bind(statement, false)
            return try statement.step() ? statement.blob(at: 0) ?? [] : nil
        }
        try connection.withStatement(upsert) { statement in
            try bind(statement, true)
            try statement.bind(Self.mergedSet(stored ?? [], adding: patients), at: patientsParameter)
            while try statement.step() {}
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
