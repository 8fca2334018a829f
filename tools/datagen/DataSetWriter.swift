import RxPrescriptions
import RxStatistics
import RxStore
import RxWire

/// Writes generated prescriptions into the prescription tables exactly as the service would, and tells
/// the statistics recorder about each change in the same transaction (so the aggregates are the ones
/// live traffic would have produced).
struct DataSetWriter {
    static let validitySeconds: Int64 = 5 * 86_400
    let recorder: StatisticsRecorder
    let prices: [String: Int64]

    /// What the SQL writes need beyond the generated facts, computed without a connection so the planning
    /// thread can do it.
    struct Prepared {
        var generated: GeneratedPrescription
        var content: Prescription
        var bytes: [UInt8]
        var validUntil: Int64
        var status: String
        /// Units handed out per line over all the dispenses.
        var dispensed: [UInt32]
    }

    static func prepare(_ generated: GeneratedPrescription) -> Prepared {
        var content = Prescription()
        content.facilityCode = generated.facility
        var doctor = Prescriber()
        doctor.practisingCertificateNumber = generated.prescriber
        content.prescriber = doctor
        content.issuedAtUnixSeconds = generated.issuedAt
        var patient = Patient()
        patient.fullName = generated.patientName
        patient.citizenID = generated.citizenID
        content.patient = patient
        content.type = generated.type
        content.lines = generated.lines.enumerated().map { index, line in
            var drug = DrugLine()
            drug.lineNumber = UInt32(index + 1)
            drug.registrationNumber = line.product.registrationNumber
            drug.activeIngredients = line.product.ingredients.map { .init(inn: $0.inn, strength: $0.strength) }
            drug.quantity = line.quantity
            drug.daysOfSupply = line.days
            return drug
        }
        var dispensed = Array(repeating: UInt32(0), count: generated.lines.count)
        for dispense in generated.dispenses { for line in dispense.lines { dispensed[Int(line.0) - 1] += line.1 } }
        let complete = zip(dispensed, generated.lines).allSatisfy { $0 == $1.quantity }
        let status = generated.cancelledAt != nil ? "cancelled"
            : complete ? "completed" : dispensed.contains { $0 > 0 } ? "partly_dispensed" : "active"
        return Prepared(
            generated: generated, content: content, bytes: content.serializedBytes(),
            validUntil: generated.issuedAt + Self.validitySeconds, status: status, dispensed: dispensed)
    }

    func write(_ generated: GeneratedPrescription, on connection: SQLiteConnection) throws {
        try self.write(Self.prepare(generated), on: connection)
    }

    func write(_ prepared: Prepared, on connection: SQLiteConnection) throws {
        let (generated, content, bytes, validUntil, status, dispensed) = (
            prepared.generated, prepared.content, prepared.bytes, prepared.validUntil, prepared.status,
            prepared.dispensed)
        try connection.run(
            """
            INSERT INTO prescriptions (code, facility_code, type, issued_at, valid_until, status, masks_identity,
                signer_certificate_serial, signer_practising_certificate, signing_time, signed_bytes, content, created_at)
            VALUES (?, ?, ?, ?, ?, ?, 0, 'synthetic', ?, NULL, ?, ?, ?)
            """,
            .text(generated.code), .text(generated.facility), .integer(Int64(generated.type.rawValue)),
            .integer(generated.issuedAt), .integer(validUntil), .text(status), .text(generated.prescriber), .blob(bytes),
            .blob(bytes), .integer(generated.issuedAt))
        let prescriptionID = connection.lastInsertRowID
        for (index, line) in generated.lines.enumerated() {
            try connection.run(
                """
                INSERT INTO prescription_lines (prescription_id, line_number, registration_number, quantity, dispensed,
                    do_not_substitute, ingredients)
                VALUES (?, ?, ?, ?, ?, 0, ?)
                """,
                .integer(prescriptionID), .integer(Int64(index + 1)), .text(line.product.registrationNumber),
                .integer(Int64(line.quantity)), .integer(Int64(dispensed[index])),
                .text(line.product.ingredients.map(\.inn).joined(separator: "\n")))
        }
        try connection.run(
            "INSERT OR IGNORE INTO prescription_patients (patient_key, prescription_id) VALUES (?, ?)",
            .blob(generated.patientKey), .integer(prescriptionID))
        try self.history(prescriptionID, "active", at: generated.issuedAt, facility: generated.facility, on: connection)
        try self.recorder.submitted(
            PrescriptionSubmitted(
                code: generated.code,
                validated: ValidatedPrescription(
                    content: content, products: generated.lines.map(\.product), validUntil: validUntil),
                patientKeys: [generated.patientKey], prescriberCertificate: generated.prescriber,
                interactionAlerts: generated.interactionAlerts, at: generated.issuedAt),
            on: connection)
        var current = StoredStatus.active
        var totals = Array(repeating: UInt32(0), count: generated.lines.count)
        for dispense in generated.dispenses {
            try connection.run(
                """
                INSERT INTO dispenses (code, pharmacy_facility_code, dispensed_at, invoice_number, idempotency_key)
                VALUES (?, ?, ?, 'synthetic', 'synthetic')
                """,
                .text(generated.code), .text(dispense.pharmacy), .integer(dispense.at))
            let id = connection.lastInsertRowID
            var lines: [DispensedLine] = []
            for (number, quantity, product) in dispense.lines {
                var line = DispensedLine()
                line.lineNumber = number
                line.quantity = quantity
                line.registrationNumber = product
                let reference = self.prices[product] ?? 0
                line.referenceUnitPriceVND = reference
                line.unitPriceVND = reference + reference / 10
                lines.append(line)
                totals[Int(number) - 1] += quantity
                try connection.run(
                    """
                    INSERT INTO dispense_lines (dispense_id, line_number, registration_number, quantity, unit_price_vnd,
                        reference_unit_price_vnd)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                    .integer(id), .integer(Int64(number)), .text(product), .integer(Int64(quantity)),
                    .integer(line.unitPriceVND), .integer(reference))
            }
            let next: StoredStatus = zip(totals, generated.lines).allSatisfy { $0 == $1.quantity } ? .completed : .partlyDispensed
            if next != current {
                try self.history(prescriptionID, next.rawValue, at: dispense.at, facility: dispense.pharmacy, on: connection)
            }
            try self.recorder.dispensed(
                PrescriptionDispensed(
                    code: generated.code, pharmacyFacilityCode: dispense.pharmacy, at: dispense.at, lines: lines,
                    previousStatus: current, newStatus: next),
                on: connection)
            current = next
        }
        if let cancelledAt = generated.cancelledAt {
            try self.history(prescriptionID, "cancelled", at: cancelledAt, facility: generated.facility, on: connection)
            try self.recorder.cancelled(code: generated.code, at: cancelledAt, on: connection)
        }
    }

    private func history(
        _ prescriptionID: Int64, _ status: String, at: Int64, facility: String, on connection: SQLiteConnection
    ) throws {
        try connection.run(
            """
            INSERT INTO prescription_status_history (prescription_id, status, changed_at, facility_code, reason)
            VALUES (?, ?, ?, ?, '')
            """,
            .integer(prescriptionID), .text(status), .integer(at), .text(facility))
    }
}
