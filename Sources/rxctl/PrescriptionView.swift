import Foundation
import RxWire

/// How `rxctl get` shows a `GetPrescriptionResponse`: a readable summary with tables, or one JSON object.
enum PrescriptionView {
    static func object(_ response: GetPrescriptionResponse) -> [String: Any] {
        var object: [String: Any] = [
            "code": response.code,
            "status": PrescriptionJSON.name(response.status),
            "valid_until": PrescriptionTime.rfc3339(response.validUntilUnixSeconds),
            "valid_until_unix_seconds": response.validUntilUnixSeconds,
            "identity_masked": response.identityMasked,
            "lines": response.lines.map(self.object(state:)),
            "dispenses": response.dispenses.map { record -> [String: Any] in
                [
                    "dispense_id": record.dispenseID, "pharmacy_facility_code": record.pharmacyFacilityCode,
                    "dispensed_at": PrescriptionTime.rfc3339(record.dispensedAtUnixSeconds),
                    "invoice_number": record.invoiceNumber, "lines": record.lines.map(self.object(dispensed:)),
                ]
            },
            "status_history": response.statusHistory.map { change -> [String: Any] in
                [
                    "status": PrescriptionJSON.name(change.status),
                    "changed_at": PrescriptionTime.rfc3339(change.changedAtUnixSeconds),
                    "facility_code": change.facilityCode, "reason": change.reason,
                ]
            },
        ]
        if let prescription = response.prescription { object["prescription"] = PrescriptionJSON.object(prescription) }
        if !response.replacedByCode.isEmpty { object["replaced_by_code"] = response.replacedByCode }
        if !response.signerCertificateSerial.isEmpty {
            object["signer_certificate_serial"] = response.signerCertificateSerial
        }
        if !response.signedPrescription.isEmpty {
            object["signed_prescription_base64"] = Data(response.signedPrescription).base64EncodedString()
        }
        return object
    }

    static func object(state: PrescriptionLineState) -> [String: Any] {
        [
            "line_number": state.lineNumber, "registration_number": state.registrationNumber,
            "prescribed_quantity": state.prescribedQuantity, "dispensed_quantity": state.dispensedQuantity,
            "remaining_quantity": state.remainingQuantity,
        ]
    }

    static func object(dispensed: DispensedLine) -> [String: Any] {
        [
            "line_number": dispensed.lineNumber, "quantity": dispensed.quantity,
            "registration_number": dispensed.registrationNumber, "unit_price_vnd": dispensed.unitPriceVND,
            "reference_unit_price_vnd": dispensed.referenceUnitPriceVND,
        ]
    }

    static func printTable(_ response: GetPrescriptionResponse) {
        let prescription = response.prescription ?? Prescription()
        var fields = [
            ("code", response.code),
            ("status", PrescriptionJSON.name(response.status)),
            ("valid until", PrescriptionTime.rfc3339(response.validUntilUnixSeconds)),
            ("type", PrescriptionJSON.name(prescription.type)),
            ("facility", prescription.facilityCode),
            ("prescriber", prescription.prescriber.map { "\($0.fullName) (\($0.practisingCertificateNumber))" } ?? ""),
            ("issued", PrescriptionTime.rfc3339(prescription.issuedAtUnixSeconds)),
            ("patient", Self.patientSummary(prescription.patient, masked: response.identityMasked)),
            ("diagnoses", prescription.diagnoses.map { "\($0.icd10Code) \($0.text)" }.joined(separator: "; ")),
        ]
        if !prescription.advice.isEmpty { fields.append(("advice", prescription.advice)) }
        if let code = prescription.replacesCode { fields.append(("replaces", code)) }
        if !response.replacedByCode.isEmpty { fields.append(("replaced by", response.replacedByCode)) }
        PrescriptionOutput.printFields(fields)
        print("")
        let drugs = Dictionary(prescription.lines.map { ($0.lineNumber, $0) }, uniquingKeysWith: { first, _ in first })
        self.printLineStates(response.lines, drugs: drugs)
        if !response.dispenses.isEmpty {
            print("\ndispenses:")
            PrescriptionOutput.printTable(
                ["WHEN", "PHARMACY", "DISPENSE", "LINES"],
                response.dispenses.map { record in
                    let lines = record.lines.map { line in
                        let substituted =
                            !line.registrationNumber.isEmpty
                            && line.registrationNumber != drugs[line.lineNumber]?.registrationNumber
                        return "\(line.lineNumber)×\(line.quantity)" + (substituted ? " as \(line.registrationNumber)" : "")
                    }
                    return [
                        PrescriptionTime.rfc3339(record.dispensedAtUnixSeconds), record.pharmacyFacilityCode,
                        record.dispenseID, lines.joined(separator: ", "),
                    ]
                }, indent: "  ")
        }
        if !response.statusHistory.isEmpty {
            print("\nhistory:")
            PrescriptionOutput.printTable(
                ["WHEN", "STATUS", "FACILITY", "REASON"],
                response.statusHistory.map {
                    [
                        PrescriptionTime.rfc3339($0.changedAtUnixSeconds), PrescriptionJSON.name($0.status),
                        $0.facilityCode, $0.reason,
                    ]
                }, indent: "  ")
        }
    }

    /// The per-line table shared with `rxctl dispense`.
    /// Without drug descriptions (a dispense answer carries none) the DRUG column is left out.
    static func printLineStates(_ states: [PrescriptionLineState], drugs: [UInt32: DrugLine] = [:]) {
        let withDrugs = !drugs.isEmpty
        PrescriptionOutput.printTable(
            ["LINE", "REGISTRATION"] + (withDrugs ? ["DRUG"] : []) + ["PRESCRIBED", "DISPENSED", "REMAINING"],
            states.map { state in
                let drug = drugs[state.lineNumber].map(Self.drugSummary) ?? ""
                return [String(state.lineNumber), state.registrationNumber] + (withDrugs ? [drug] : []) + [
                    String(state.prescribedQuantity), String(state.dispensedQuantity), String(state.remainingQuantity),
                ]
            })
    }

    private static func drugSummary(_ line: DrugLine) -> String {
        let ingredients = line.activeIngredients.map { "\($0.inn) \($0.strength)" }.joined(separator: " + ")
        let name = line.brandName.isEmpty ? ingredients : "\(line.brandName) (\(ingredients))"
        return line.unit.isEmpty ? name : "\(name), \(line.unit)"
    }

    private static func patientSummary(_ patient: Patient?, masked: Bool) -> String {
        guard let patient else { return masked ? "(identity masked)" : "" }
        var parts = [patient.fullName.isEmpty && masked ? "(identity masked)" : patient.fullName]
        if let date = patient.dateOfBirth { parts.append("born \(PrescriptionTime.spell(date))") }
        if let months = patient.ageInMonths { parts.append("\(months) months") }
        if let grams = patient.weightGrams { parts.append("\(Double(grams) / 1000) kg") }
        if patient.sex != .unspecified { parts.append(PrescriptionJSON.name(patient.sex)) }
        if !patient.guardianName.isEmpty { parts.append("guardian \(patient.guardianName)") }
        return parts.joined(separator: ", ")
    }
}
