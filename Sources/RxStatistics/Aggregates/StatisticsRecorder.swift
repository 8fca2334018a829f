import RxPrescriptions
import RxStore
import RxWire

/// Keeps the statistics tables current: called by the prescriptions service inside the same write
/// transaction as each Submit, Replace, Dispense and Cancel, so aggregates never disagree with the
/// prescriptions they count and no batch job is needed.
public struct StatisticsRecorder: PrescriptionEventSink {
    /// Where cell changes go instead of the database while a generator loads one.
    let bulkLoad: StatisticsBulkLoad?
    /// Where a batch's per-prescription rows wait for a multi-row INSERT (the applier's whole batches).
    let rows: PrescriptionRowBuffer?

    public init() {
        self.bulkLoad = nil
        self.rows = nil
    }

    /// A recorder for loading a fresh database: cell and rollup changes accumulate in `bulkLoad` (written
    /// once with ``StatisticsBulkLoad/write(on:)``); every other statistics table is written as live.
    public init(bulkLoad: StatisticsBulkLoad) {
        self.bulkLoad = bulkLoad
        self.rows = nil
    }

    /// A recorder for a batch applied whole: cells go to `bulkLoad`, per-prescription rows to `rows`
    /// (flushed before any event that reads them, and by the caller at the end of the batch).
    init(bulkLoad: StatisticsBulkLoad, rows: PrescriptionRowBuffer) {
        self.bulkLoad = bulkLoad
        self.rows = rows
    }

    /// Applies cell changes live, or hands them to the bulk load.
    func record(_ changes: [(key: CellKey, change: CellChange)], patient: [UInt8]?, on connection: SQLiteConnection) throws {
        if let bulkLoad = self.bulkLoad {
            bulkLoad.add(changes, patient: patient.map(PatientSketch.hash))
        } else {
            try Self.apply(changes, patient: patient, on: connection)
        }
    }

    public func submitted(_ event: PrescriptionSubmitted, on connection: SQLiteConnection) throws {
        guard let id = try PrescriptionRepository.rowID(of: event.code, on: connection) else {
            throw StatisticsEventError.unknownPrescription(event.code)
        }
        let content = event.validated.content
        let type = Int64(content.type.rawValue)
        let patient = event.patientKeys.first
        let items = Self.items(of: event.validated)
        let day = VietnamDay.of(content.issuedAtUnixSeconds)
        let total = content.lines.reduce(Int64(0)) { $0 + Int64($1.quantity) }
        var changes = [(
            key: CellKey(day: day, facilityCode: content.facilityCode, type: type, ingredient: "", atc: ""),
            change: CellChange(issued: 1, quantityPrescribed: total))]
        var pairs: [PrescribedItem.Pair: Int64] = [:]
        for item in items { pairs[item.pair, default: 0] += item.quantity }
        for (pair, quantity) in pairs.sorted(by: { $0.key < $1.key }) {
            changes.append((
                CellKey(day: day, facilityCode: content.facilityCode, type: type, ingredient: pair.ingredient, atc: pair.atc),
                CellChange(issued: 1, quantityPrescribed: quantity)))
        }
        let expiryDay = VietnamDay.of(event.validated.validUntil)
        changes += changes.map { change in
            (CellKey(day: expiryDay, facilityCode: change.key.facilityCode, type: type, ingredient: change.key.ingredient,
                     atc: change.key.atc), CellChange(expiring: 1))
        }
        try self.record(changes, patient: patient, on: connection)
        try self.recordProducts(Self.productChanges(issuing: event.validated), patient: patient, on: connection)
        let row: [SQLiteValue] = [
            .integer(id), .text(content.facilityCode), .text(String(content.facilityCode.prefix(2))), .integer(type),
            .integer(content.issuedAtUnixSeconds), .integer(event.validated.validUntil), patient.map { .blob($0) } ?? .null,
            .integer(1), .integer(Int64(event.interactionAlerts)), .integer(Int64(content.interactionOverrides.count)),
        ]
        let itemRows = items.map { item -> [SQLiteValue] in
            [.integer(id), .integer(item.lineNumber), .text(item.pair.ingredient), .text(item.pair.atc),
             .text(item.registrationNumber)]
        }
        // Held for the batch's multi-row INSERT, or written at once when recording live.
        let buffer = self.rows ?? PrescriptionRowBuffer()
        buffer.add(prescription: row, items: itemRows)
        if self.rows == nil { try buffer.flush(on: connection) }
        try Self.recordControlled(event, items: items, patient: patient, on: connection)
    }

    public func dispensed(_ event: PrescriptionDispensed, on connection: SQLiteConnection) throws {
        try self.rows?.flush(on: connection)
        guard let prescription = try Self.prescription(event.code, on: connection) else { return }
        let fully: Int64 = event.newStatus == .completed && event.previousStatus != .completed ? 1 : 0
        let partly: Int64 = event.previousStatus == .active && event.newStatus == .partlyDispensed ? 1 : 0
        let day = VietnamDay.of(event.at)
        var whole = CellChange(dispensedFully: fully, dispensedPartly: partly)
        for line in event.lines {
            whole.quantityDispensed += Int64(line.quantity)
            whole.valueReferenceVND += Int64(line.quantity) * line.referenceUnitPriceVND
            whole.valueChargedVND += Int64(line.quantity) * line.unitPriceVND
        }
        let items = try connection.query(
            "SELECT line_number, ingredient, atc, registration_number FROM stat_prescription_items WHERE prescription_id = ?",
            .integer(prescription.id)
        ) { row in
            (line: row.int64(at: 0), pair: PrescribedItem.Pair(ingredient: row.string(at: 1) ?? "", atc: row.string(at: 2) ?? ""),
             registration: row.string(at: 3) ?? "")
        }
        var changes: [PrescribedItem.Pair: CellChange] = [:]
        var substituted = false
        for item in items {
            var change = changes[item.pair] ?? CellChange(dispensedFully: fully, dispensedPartly: partly)
            if let line = event.lines.first(where: { Int64($0.lineNumber) == item.line }) {
                change.quantityDispensed += Int64(line.quantity)
                change.valueReferenceVND += Int64(line.quantity) * line.referenceUnitPriceVND
                change.valueChargedVND += Int64(line.quantity) * line.unitPriceVND
                if !line.registrationNumber.isEmpty && line.registrationNumber != item.registration { substituted = true }
            }
            changes[item.pair] = change
        }
        let pairs = changes.keys.sorted()
        var cells = [(prescription.key(day: day, pair: nil), whole)]
            + pairs.map { (prescription.key(day: day, pair: $0), changes[$0] ?? CellChange()) }
        if event.newStatus == .completed { cells += Self.closing(prescription, pairs: pairs) }
        try self.record(cells, patient: prescription.patient, on: connection)
        var prescribed: [Int64: PrescribedLine] = [:]
        for item in items where prescribed[item.line] == nil {
            prescribed[item.line] = PrescribedLine(registrationNumber: item.registration, atc: item.pair.atc)
        }
        try self.recordProducts(
            Self.productChanges(dispensing: event, prescribed: prescribed, province: String(prescription.facilityCode.prefix(2))),
            patient: prescription.patient, on: connection)
        try connection.run(
            """
            UPDATE stat_prescriptions SET first_dispensed_at = coalesce(first_dispensed_at, ?),
                substituted = max(substituted, ?), open = CASE WHEN ? THEN 0 ELSE open END
            WHERE id = ?
            """,
            .integer(event.at), .integer(substituted ? 1 : 0), .integer(event.newStatus == .completed ? 1 : 0),
            .integer(prescription.id))
        try connection.run(
            """
            INSERT OR IGNORE INTO stat_controlled_fills (code, pharmacy, dispensed_at)
            SELECT DISTINCT code, ?, ? FROM stat_controlled WHERE code = ?
            """,
            .text(event.pharmacyFacilityCode), .integer(event.at), .text(event.code))
    }

    public func cancelled(code: String, at: Int64, on connection: SQLiteConnection) throws {
        try self.rows?.flush(on: connection)
        guard let prescription = try Self.prescription(code, on: connection) else { return }
        let day = VietnamDay.of(at)
        let pairs = try Self.pairs(of: prescription.id, on: connection)
        try self.record(
            ([nil] + pairs).map { (prescription.key(day: day, pair: $0), CellChange(cancelled: 1)) }
                + Self.closing(prescription, pairs: pairs),
            patient: prescription.patient, on: connection)
        try connection.run("UPDATE stat_prescriptions SET open = 0 WHERE id = ?", .integer(prescription.id))
    }

    public func replaced(code: String, by replacement: String, at: Int64, on connection: SQLiteConnection) throws {
        try self.rows?.flush(on: connection)
        guard let prescription = try Self.prescription(code, on: connection) else { return }
        try self.record(
            Self.closing(prescription, pairs: try Self.pairs(of: prescription.id, on: connection)), patient: nil,
            on: connection)
        try connection.run("UPDATE stat_prescriptions SET open = 0 WHERE id = ?", .integer(prescription.id))
    }

    /// Takes back the expiry booked at issue when a prescription still open is closed (completed,
    /// cancelled, replaced); nothing if it was closed already.
    static func closing(_ prescription: PrescriptionCoordinates, pairs: [PrescribedItem.Pair]) -> [(key: CellKey, change: CellChange)] {
        guard prescription.isOpen else { return [] }
        let day = VietnamDay.of(prescription.validUntil)
        return ([nil] + pairs).map { (prescription.key(day: day, pair: $0), CellChange(expiring: -1)) }
    }

    /// The distinct (ingredient, ATC) pairs of a stored prescription.
    static func pairs(of id: Int64, on connection: SQLiteConnection) throws -> [PrescribedItem.Pair] {
        try connection.query(
            "SELECT DISTINCT ingredient, atc FROM stat_prescription_items WHERE prescription_id = ? ORDER BY 1, 2",
            .integer(id)
        ) { PrescribedItem.Pair(ingredient: $0.string(at: 0) ?? "", atc: $0.string(at: 1) ?? "") }
    }

    // MARK: Steps

    /// The (line, ingredient, ATC) items of a validated prescription: catalog ingredients and first ATC code
    /// when the catalog knows the product, the prescription's own ingredient names otherwise.
    static func items(of validated: ValidatedPrescription) -> [PrescribedItem] {
        var items: [PrescribedItem] = []
        for (index, line) in validated.content.lines.enumerated() {
            let product = index < validated.products.count ? validated.products[index] : nil
            let names = product.map { $0.ingredients.map(\.inn) }.flatMap { $0.isEmpty ? nil : $0 }
                ?? line.activeIngredients.map(\.inn)
            var controlled = product?.controlledClass ?? .none
            if controlled == .none && validated.content.type == .narcotic { controlled = .narcotic }
            var seen: Set<String> = []
            for name in names {
                let ingredient = name.lowercased()
                guard seen.insert(ingredient).inserted else { continue }
                items.append(PrescribedItem(
                    lineNumber: Int64(line.lineNumber), registrationNumber: line.registrationNumber,
                    pair: PrescribedItem.Pair(ingredient: ingredient, atc: product?.atcCodes.first ?? ""),
                    quantity: Int64(line.quantity), controlledClass: controlled, daysOfSupply: Int64(line.daysOfSupply)))
            }
        }
        return items
    }

    /// Files narcotic and psychotropic prescriptions for controlled-substance monitoring (with the
    /// patient's name: the alerts name the patient).
    static func recordControlled(
        _ event: PrescriptionSubmitted, items: [PrescribedItem], patient: [UInt8]?, on connection: SQLiteConnection
    ) throws {
        guard let patient else { return }
        var days: [String: Int64] = [:]
        for item in items where item.controlledClass == .narcotic || item.controlledClass == .psychotropic {
            days[item.controlledClass.rawValue] = max(days[item.controlledClass.rawValue] ?? 0, item.daysOfSupply)
        }
        let content = event.validated.content
        for (substanceClass, supply) in days.sorted(by: { $0.key < $1.key }) {
            try connection.run(
                """
                INSERT OR IGNORE INTO stat_controlled (code, class, patient_key, patient_name, prescriber, issued_at,
                    days_of_supply)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
                .text(event.code), .text(substanceClass), .blob(patient), .text(content.patient?.fullName ?? ""),
                .text(event.prescriberCertificate), .integer(content.issuedAtUnixSeconds), .integer(supply))
        }
    }

    /// The cell coordinates of a stored prescription, or nil when it is not stored or was not counted.
    static func prescription(_ code: String, on connection: SQLiteConnection) throws -> PrescriptionCoordinates? {
        guard let id = try PrescriptionRepository.rowID(of: code, on: connection) else { return nil }
        return try connection.query(
            "SELECT facility_code, type, patient_key, valid_until, open FROM stat_prescriptions WHERE id = ?", .integer(id)
        ) { row in
            PrescriptionCoordinates(
                id: id, facilityCode: row.string(at: 0) ?? "", type: row.int64(at: 1), patient: row.blob(at: 2),
                validUntil: row.int64(at: 3), isOpen: row.int64(at: 4) == 1)
        }.first
    }
}
