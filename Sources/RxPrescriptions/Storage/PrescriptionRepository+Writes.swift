import RxSignature
import RxStore
import RxWire

/// SQL for changing prescriptions; call only inside a write body (the writer's transaction).
extension PrescriptionRepository {
    /// Stores a new prescription, its lines, its patient keys and its first history entry.
    static func insert(
        _ validated: ValidatedPrescription, code: String, signature: VerifiedSignature, signedBytes: [UInt8],
        patientKeys: [[UInt8]], now: Int64, on connection: SQLiteConnection
    ) throws {
        let content = validated.content
        try connection.run(
            """
            INSERT INTO prescriptions (code, facility_code, type, issued_at, valid_until, status, replaced_by, replaces,
                masks_identity, signer_certificate_serial, signer_practising_certificate, signing_time, signed_bytes,
                content, created_at)
            VALUES (?, ?, ?, ?, ?, 'active', NULL, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            .text(code), .text(content.facilityCode), .integer(Int64(content.type.rawValue)),
            .integer(content.issuedAtUnixSeconds), .integer(validated.validUntil),
            content.replacesCode.map { .text($0) } ?? .null, .integer(validated.masksIdentity ? 1 : 0),
            .text(signature.certificateSerial), .text(signature.signerPractisingCertificate),
            signature.signingTime.map { .integer($0) } ?? .null, .blob(signedBytes), .blob(signature.content),
            .integer(now))
        let id = connection.lastInsertRowID
        for (index, line) in content.lines.enumerated() {
            let ingredients = index < validated.products.count && !validated.products[index].ingredients.isEmpty
                ? validated.products[index].ingredients.map(\.inn) : line.activeIngredients.map(\.inn)
            try connection.run(
                """
                INSERT INTO prescription_lines (prescription_id, line_number, registration_number, quantity, dispensed,
                    do_not_substitute, ingredients)
                VALUES (?, ?, ?, ?, 0, ?, ?)
                """,
                .integer(id), .integer(Int64(line.lineNumber)), .text(line.registrationNumber),
                .integer(Int64(line.quantity)), .integer(line.doNotSubstitute ? 1 : 0),
                .text(ingredients.joined(separator: "\n")))
        }
        for key in patientKeys {
            try connection.run(
                "INSERT OR IGNORE INTO prescription_patients (patient_key, prescription_id) VALUES (?, ?)",
                .blob(key), .integer(id))
        }
        try self.addHistory(
            prescriptionID: id, status: .active, at: now, facilityCode: content.facilityCode, reason: "", on: connection)
    }

    static func addHistory(
        code: String, status: StoredStatus, at: Int64, facilityCode: String, reason: String, on connection: SQLiteConnection
    ) throws {
        guard let id = try self.rowID(of: code, on: connection) else {
            throw StoreError(code: .misuse, message: "no prescription \(code) to add a status to", function: "addHistory")
        }
        try self.addHistory(prescriptionID: id, status: status, at: at, facilityCode: facilityCode, reason: reason, on: connection)
    }

    static func addHistory(
        prescriptionID: Int64, status: StoredStatus, at: Int64, facilityCode: String, reason: String,
        on connection: SQLiteConnection
    ) throws {
        try connection.run(
            """
            INSERT INTO prescription_status_history (prescription_id, status, changed_at, facility_code, reason)
            VALUES (?, ?, ?, ?, ?)
            """,
            .integer(prescriptionID), .text(status.rawValue), .integer(at), .text(facilityCode), .text(reason))
    }

    static func setStatus(_ status: StoredStatus, of code: String, replacedBy: String? = nil, on connection: SQLiteConnection) throws {
        try connection.run(
            "UPDATE prescriptions SET status = ?, replaced_by = coalesce(?, replaced_by) WHERE code = ?",
            .text(status.rawValue), replacedBy.map { .text($0) } ?? .null, .text(code))
    }

    static func exists(_ code: String, on connection: SQLiteConnection) throws -> Bool {
        try !connection.scalar("SELECT 1 FROM prescriptions WHERE code = ?", .text(code)).isNull
    }

    static func recordIdempotency(
        facilityCode: String, method: String, key: String, requestHash: [UInt8], response: [UInt8], now: Int64,
        on connection: SQLiteConnection
    ) throws {
        try connection.run(
            """
            INSERT INTO prescription_idempotency (key_hash, facility_code, method, idempotency_key, request_hash, response,
                created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """,
            .integer(IdempotencyKeyHash.of(facilityCode: facilityCode, method: method, key: key)), .text(facilityCode),
            .text(method), .text(key), .blob(requestHash), .blob(response), .integer(now))
    }

    /// Adds `quantity` to a line's dispensed total only if the total stays within the prescribed
    /// quantity; returns whether it did. The check and the update are one statement in the writer's
    /// serial order, so concurrent dispenses can never take a line below zero remaining.
    static func addDispensed(
        _ quantity: UInt32, prescriptionID: Int64, lineNumber: UInt32, on connection: SQLiteConnection
    ) throws -> Bool {
        let changed = try connection.run(
            """
            UPDATE prescription_lines SET dispensed = dispensed + ?1
            WHERE prescription_id = ?2 AND line_number = ?3 AND dispensed + ?1 <= quantity
            """,
            .integer(Int64(quantity)), .integer(prescriptionID), .integer(Int64(lineNumber)))
        return changed == 1
    }

    /// Records a dispense and its lines; returns its id.
    static func insertDispense(
        code: String, pharmacyFacilityCode: String, at: Int64, invoiceNumber: String, idempotencyKey: String,
        lines: [DispensedLine], on connection: SQLiteConnection
    ) throws -> Int64 {
        try connection.run(
            """
            INSERT INTO dispenses (code, pharmacy_facility_code, dispensed_at, invoice_number, idempotency_key)
            VALUES (?, ?, ?, ?, ?)
            """,
            .text(code), .text(pharmacyFacilityCode), .integer(at), .text(invoiceNumber), .text(idempotencyKey))
        let id = connection.lastInsertRowID
        for line in lines {
            try connection.run(
                """
                INSERT INTO dispense_lines (dispense_id, line_number, registration_number, quantity, unit_price_vnd,
                    reference_unit_price_vnd)
                VALUES (?, ?, ?, ?, ?, ?)
                """,
                .integer(id), .integer(Int64(line.lineNumber)), .text(line.registrationNumber),
                .integer(Int64(line.quantity)), .integer(line.unitPriceVND), .integer(line.referenceUnitPriceVND))
        }
        return id
    }
}
