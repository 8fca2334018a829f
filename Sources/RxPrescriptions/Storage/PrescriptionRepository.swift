import RxStore
import RxWire

/// SQL for reading prescriptions; every function takes the connection it runs on (a reader, or the
/// writer inside a write body).
public enum PrescriptionRepository {
    /// The prescription `code` (canonical) with its lines, or nil.
    public static func load(_ code: String, on connection: SQLiteConnection) throws -> StoredPrescription? {
        let rows = try connection.query(
            """
            SELECT code, facility_code, type, issued_at, valid_until, status, replaced_by, masks_identity,
                   signer_certificate_serial, signed_bytes, content, id
            FROM prescriptions WHERE code = ?
            """, .text(code)
        ) { row in
            StoredPrescription(
                rowID: row.int64(at: 11), code: row.string(at: 0) ?? "", facilityCode: row.string(at: 1) ?? "",
                type: PrescriptionType(rawValue: Int32(truncatingIfNeeded: row.int64(at: 2))),
                issuedAt: row.int64(at: 3), validUntil: row.int64(at: 4),
                status: StoredStatus(rawValue: row.string(at: 5) ?? "") ?? .cancelled,
                replacedBy: row.string(at: 6), masksIdentity: row.int64(at: 7) != 0,
                signerCertificateSerial: row.string(at: 8) ?? "", signedBytes: row.blob(at: 9) ?? [],
                content: row.blob(at: 10) ?? [], lines: [])
        }
        guard var prescription = rows.first else { return nil }
        prescription.lines = try self.lines(ofPrescription: prescription.rowID, on: connection)
        return prescription
    }

    /// The lines of the prescription stored as row `id`, in line order.
    static func lines(ofPrescription id: Int64, on connection: SQLiteConnection) throws -> [StoredPrescription.Line] {
        try connection.query(
            """
            SELECT line_number, registration_number, quantity, dispensed, do_not_substitute, ingredients
            FROM prescription_lines WHERE prescription_id = ? ORDER BY line_number
            """, .integer(id)
        ) { row in
            StoredPrescription.Line(
                lineNumber: UInt32(truncatingIfNeeded: row.int64(at: 0)), registrationNumber: row.string(at: 1) ?? "",
                quantity: UInt32(truncatingIfNeeded: row.int64(at: 2)),
                dispensed: UInt32(truncatingIfNeeded: row.int64(at: 3)), doNotSubstitute: row.int64(at: 4) != 0,
                ingredients: (row.string(at: 5) ?? "").split(separator: "\n").map(String.init))
        }
    }

    /// Every dispense of `code`, oldest first, with its lines.
    public static func dispenses(of code: String, on connection: SQLiteConnection) throws -> [DispenseRecord] {
        var records = try connection.query(
            "SELECT id, pharmacy_facility_code, dispensed_at, invoice_number FROM dispenses WHERE code = ? ORDER BY id",
            .text(code)
        ) { row in
            var record = DispenseRecord()
            record.dispenseID = String(row.int64(at: 0))
            record.pharmacyFacilityCode = row.string(at: 1) ?? ""
            record.dispensedAtUnixSeconds = row.int64(at: 2)
            record.invoiceNumber = row.string(at: 3) ?? ""
            return record
        }
        for index in records.indices {
            records[index].lines = try connection.query(
                """
                SELECT line_number, quantity, registration_number, unit_price_vnd, reference_unit_price_vnd
                FROM dispense_lines WHERE dispense_id = ? ORDER BY line_number
                """, .integer(Int64(records[index].dispenseID) ?? 0)
            ) { row in
                var line = DispensedLine()
                line.lineNumber = UInt32(truncatingIfNeeded: row.int64(at: 0))
                line.quantity = UInt32(truncatingIfNeeded: row.int64(at: 1))
                line.registrationNumber = row.string(at: 2) ?? ""
                line.unitPriceVND = row.int64(at: 3)
                line.referenceUnitPriceVND = row.int64(at: 4)
                return line
            }
        }
        return records
    }

    /// The status history of `code`, oldest first.
    public static func history(of code: String, on connection: SQLiteConnection) throws -> [StatusChange] {
        try connection.query(
            """
            SELECT status, changed_at, facility_code, reason FROM prescription_status_history
            WHERE prescription_id = (SELECT id FROM prescriptions WHERE code = ?) ORDER BY id
            """, .text(code)
        ) { row in
            var change = StatusChange()
            change.status = (StoredStatus(rawValue: row.string(at: 0) ?? "") ?? .active).wireStatus
            change.changedAtUnixSeconds = row.int64(at: 1)
            change.facilityCode = row.string(at: 2) ?? ""
            change.reason = row.string(at: 3) ?? ""
            return change
        }
    }

    /// The facility register entry for `facilityCode`, or nil.
    public static func facility(_ facilityCode: String, on connection: SQLiteConnection) throws -> FacilityRecord? {
        try connection.query(
            "SELECT facility_code, name, has_inpatient_beds FROM facility_register WHERE facility_code = ?",
            .text(facilityCode)
        ) { row in
            FacilityRecord(
                facilityCode: row.string(at: 0) ?? "", name: row.string(at: 1) ?? "", hasInpatientBeds: row.int64(at: 2) != 0)
        }.first
    }

    /// Lines of the patient's dispensable prescriptions (filed under any of `patientKeys`) at `now`,
    /// except `excluding` (the prescription being replaced).
    public static func activeLines(
        patientKeys: [[UInt8]], now: Int64, excluding: String?, on connection: SQLiteConnection
    ) throws -> [ScreenedLine] {
        var found: [(id: Int64, code: String)] = []
        for key in patientKeys {
            let rows = try connection.query(
                """
                SELECT p.id, p.code FROM prescription_patients k JOIN prescriptions p ON p.id = k.prescription_id
                WHERE k.patient_key = ? AND p.status IN ('active', 'partly_dispensed') AND p.valid_until > ?
                """, .blob(key), .integer(now)
            ) { (id: $0.int64(at: 0), code: $0.string(at: 1) ?? "") }
            for row in rows where row.code != excluding && !found.contains(where: { $0.id == row.id }) { found.append(row) }
        }
        var screened: [ScreenedLine] = []
        for (id, code) in found {
            for line in try self.lines(ofPrescription: id, on: connection) where line.remaining > 0 {
                screened.append(
                    ScreenedLine(
                        lineNumber: line.lineNumber, registrationNumber: line.registrationNumber,
                        ingredients: line.ingredients, prescriptionCode: code))
            }
        }
        return screened
    }

    /// A stored idempotent answer: the request's hash and the encoded response.
    public static func idempotentAnswer(
        facilityCode: String, method: String, key: String, on connection: SQLiteConnection
    ) throws -> (requestHash: [UInt8], response: [UInt8])? {
        // Records from before schema step 303 have no hash; their partial index holds only them.
        try connection.query(
            """
            SELECT request_hash, response FROM prescription_idempotency
            WHERE key_hash = ?1 AND facility_code = ?2 AND method = ?3 AND idempotency_key = ?4
            UNION ALL
            SELECT request_hash, response FROM prescription_idempotency
            WHERE key_hash IS NULL AND facility_code = ?2 AND method = ?3 AND idempotency_key = ?4
            LIMIT 1
            """, .integer(IdempotencyKeyHash.of(facilityCode: facilityCode, method: method, key: key)), .text(facilityCode),
            .text(method), .text(key)
        ) { row in (row.blob(at: 0) ?? [], row.blob(at: 1) ?? []) }.first
    }

    /// The row id of the prescription `code`, or nil: the stable integer key derived tables (the
    /// statistics) use, so their rows are stored in arrival order instead of by random code.
    public static func rowID(of code: String, on connection: SQLiteConnection) throws -> Int64? {
        try connection.scalar("SELECT id FROM prescriptions WHERE code = ?", .text(code)).int64Value
    }

    /// How many prescriptions are stored (for tests and metrics).
    public static func count(on connection: SQLiteConnection) throws -> Int64 {
        try connection.scalar("SELECT count(*) FROM prescriptions").int64Value ?? 0
    }
}
