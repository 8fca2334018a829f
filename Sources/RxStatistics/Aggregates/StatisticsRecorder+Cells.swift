import RxStore

extension StatisticsRecorder {
    /// Adds each change to its day cell and to the cell's monthly rollup (view 0 for the per-prescription
    /// row, view 1 per ingredient), filing `patient` in their exact sets and the rollups' sketches: one
    /// multi-row upsert per table whatever the number of cells, statements cached per row count.
    static func apply(_ changes: [(key: CellKey, change: CellChange)], patient: [UInt8]?, on connection: SQLiteConnection)
        throws
    {
        guard !changes.isEmpty else { return }
        let hash = patient.map(PatientSketch.hash)
        let member: SQLiteValue = hash.map { .blob(PatientSketch.bytes(of: $0)) } ?? .blob([])
        var cellValues: [SQLiteValue] = []
        cellValues.reserveCapacity(changes.count * 15)
        for (key, change) in changes {
            cellValues += [
                .integer(key.day), .text(key.facilityCode), .text(key.province), .integer(key.type), .text(key.ingredient),
                .text(key.atc),
            ] + Self.figures(change) + [change.isExpiryOnly ? .blob([]) : member]
        }
        try Self.run(Self.cellUpsert(rows: changes.count), cellValues, on: connection)

        var rollupValues: [SQLiteValue] = []
        rollupValues.reserveCapacity(changes.count * 16)
        var sketchValues: [SQLiteValue] = []
        var sketched = 0
        for (key, change) in changes {
            let rollupKey = Self.rollupKey(of: key)
            rollupValues += rollupKey + Self.figures(change) + [change.isExpiryOnly ? .blob([]) : member]
            guard let hash, !change.isExpiryOnly else { continue }
            let (index, rank) = PatientSketch.register(of: hash)
            sketchValues += rollupKey + [.blob(PatientSketch.sketch(of: hash)), .integer(Int64(index)), .blob([rank])]
            sketched += 1
        }
        try Self.run(Self.rollupUpsert(rows: changes.count), rollupValues, on: connection)
        if sketched > 0 { try Self.run(Self.sketchUpsert(rows: sketched), sketchValues, on: connection) }
    }

    /// The rollup a day cell rolls into: view 0 (month, province, type) for the per-prescription row,
    /// view 1 (month, ingredient, ATC) otherwise.
    static func rollupKey(of key: CellKey) -> [SQLiteValue] {
        let perPrescription = key.ingredient.isEmpty && key.atc.isEmpty
        return [
            .integer(perPrescription ? 0 : 1), .integer(VietnamDay.monthStart(of: key.day)),
            .text(perPrescription ? key.province : ""), .integer(perPrescription ? key.type : -1),
            .text(key.ingredient), .text(key.atc),
        ]
    }

    static let emptySketch = [UInt8](repeating: 0, count: PatientSketch.registerCount)

    static func figures(_ change: CellChange) -> [SQLiteValue] {
        [
            .integer(change.issued), .integer(change.dispensedFully), .integer(change.dispensedPartly),
            .integer(change.cancelled), .integer(change.expiring), .integer(change.quantityPrescribed), .integer(change.quantityDispensed),
            .integer(change.valueReferenceVND), .integer(change.valueChargedVND),
        ]
    }

    static func run(_ sql: String, _ values: [SQLiteValue], on connection: SQLiteConnection) throws {
        try connection.withStatement(sql) { statement in
            try statement.bind(values)
            while try statement.step() {}
        }
    }

    static func placeholders(rows: Int, columns: Int) -> String {
        let row = "(" + Array(repeating: "?", count: columns).joined(separator: ", ") + ")"
        return Array(repeating: row, count: rows).joined(separator: ", ")
    }

    static let figureUpdates = """
        issued = issued + excluded.issued, dispensed_fully = dispensed_fully + excluded.dispensed_fully,
        dispensed_partly = dispensed_partly + excluded.dispensed_partly, cancelled = cancelled + excluded.cancelled,
        expiring = expiring + excluded.expiring, quantity_prescribed = quantity_prescribed + excluded.quantity_prescribed,
        quantity_dispensed = quantity_dispensed + excluded.quantity_dispensed,
        value_reference_vnd = value_reference_vnd + excluded.value_reference_vnd,
        value_charged_vnd = value_charged_vnd + excluded.value_charged_vnd
        """

    /// SQL appending `excluded.patients` (one 8-byte hash, or none) to the row's exact set unless the set
    /// is full or already holds it. `||` yields text, so every concatenation is cast back to a blob (bytes
    /// unchanged); `length`, `substr` and `instr` then count bytes. `instr` on blobs matches bytes, so a hash straddling two stored ones
    /// could match by accident (about 2⁻⁶⁰ per check): the set would then miss one patient, which can only
    /// suppress more, never less.
    static let exactSetUpdate = """
        patients = CASE WHEN length(patients) >= \(PatientSketch.exactCapacity * 8) OR length(excluded.patients) = 0
            OR instr(patients, excluded.patients) > 0 THEN patients ELSE CAST(patients || excluded.patients AS BLOB) END
        """

    static func cellUpsert(rows: Int) -> String {
        """
        INSERT INTO stat_cells (day, facility_code, province, type, ingredient, atc, issued, dispensed_fully,
            dispensed_partly, cancelled, expiring, quantity_prescribed, quantity_dispensed, value_reference_vnd,
            value_charged_vnd, patients)
        VALUES \(Self.placeholders(rows: rows, columns: 16))
        ON CONFLICT (day, facility_code, type, ingredient, atc) DO UPDATE SET \(Self.figureUpdates), \(Self.exactSetUpdate)
        """
    }

    static func rollupUpsert(rows: Int) -> String {
        """
        INSERT INTO stat_rollups (view, month, province, type, ingredient, atc, issued, dispensed_fully,
            dispensed_partly, cancelled, expiring, quantity_prescribed, quantity_dispensed, value_reference_vnd,
            value_charged_vnd, patients)
        VALUES \(Self.placeholders(rows: rows, columns: 16))
        ON CONFLICT (view, month, province, type, ingredient, atc) DO UPDATE SET \(Self.figureUpdates), \(Self.exactSetUpdate)
        """
    }

    /// Raises register `excluded.pending_register` to `excluded.pending_rank` (a one-byte blob; single
    /// bytes compare as blobs like their values) — and only then rewrites the row: once a sketch is warm
    /// most patients raise no register, so most upserts here write nothing. The pending columns only carry
    /// the update of the row being upserted into the DO UPDATE clause.
    static func sketchUpsert(rows: Int) -> String {
        """
        INSERT INTO stat_rollup_sketches (view, month, province, type, ingredient, atc, sketch, pending_register,
            pending_rank)
        VALUES \(Self.placeholders(rows: rows, columns: 9))
        ON CONFLICT (view, month, province, type, ingredient, atc) DO UPDATE SET
            sketch = CAST(substr(sketch, 1, excluded.pending_register) || excluded.pending_rank
                || substr(sketch, excluded.pending_register + 2) AS BLOB)
        WHERE substr(sketch, excluded.pending_register + 1, 1) < excluded.pending_rank
        """
    }
}
