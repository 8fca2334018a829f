import Foundation
import RxWire

extension PrescriptionJSON {
    /// The readable JSON form of `prescription` (the inverse of parsing; empty fields left out), as a
    /// JSONSerialization-ready dictionary.
    static func object(_ prescription: Prescription) -> [String: Any] {
        var object: [String: Any] = [
            "facility_code": prescription.facilityCode,
            "issued_at": PrescriptionTime.rfc3339(prescription.issuedAtUnixSeconds),
            "type": self.name(prescription.type),
            "diagnoses": prescription.diagnoses.map { ["icd10_code": $0.icd10Code, "text": $0.text] },
            "lines": prescription.lines.map(self.object(line:)),
        ]
        if let prescriber = prescription.prescriber {
            object["prescriber"] = [
                "full_name": prescriber.fullName,
                "practising_certificate_number": prescriber.practisingCertificateNumber,
            ]
        }
        if let patient = prescription.patient { object["patient"] = self.object(patient: patient) }
        if !prescription.advice.isEmpty { object["advice"] = prescription.advice }
        if let date = prescription.followUpDate { object["follow_up_date"] = PrescriptionTime.spell(date) }
        if !prescription.interactionOverrides.isEmpty {
            object["interaction_overrides"] = prescription.interactionOverrides.map {
                ["ingredient_a": $0.ingredientA, "ingredient_b": $0.ingredientB, "reason": $0.reason]
            }
        }
        if let code = prescription.proposedCode { object["proposed_code"] = code }
        if let code = prescription.replacesCode { object["replaces_code"] = code }
        return object
    }

    /// A proto enum's name without its type prefix (`ORDINARY`, `PARTLY_DISPENSED`, `FEMALE`).
    static func name<Value: ProtoEnum>(_ value: Value) -> String {
        let full = value.description
        let prefix = Self.typePrefix(Value.self)
        return full.hasPrefix(prefix) ? String(full.dropFirst(prefix.count)) : full
    }

    private static func typePrefix<Value: ProtoEnum>(_ type: Value.Type) -> String {
        let unspecified = Value.schema.values.first { $0.name.hasSuffix("_UNSPECIFIED") }?.name ?? ""
        return String(unspecified.dropLast("UNSPECIFIED".count))
    }

    private static func object(patient: Patient) -> [String: Any] {
        var object: [String: Any] = ["full_name": patient.fullName]
        if let date = patient.dateOfBirth { object["date_of_birth"] = PrescriptionTime.spell(date) }
        if let months = patient.ageInMonths { object["age_in_months"] = months }
        if let grams = patient.weightGrams { object["weight_grams"] = grams }
        if !patient.guardianName.isEmpty { object["guardian_name"] = patient.guardianName }
        if patient.sex != .unspecified { object["sex"] = self.name(patient.sex) }
        if !patient.citizenID.isEmpty { object["citizen_id"] = patient.citizenID }
        if !patient.healthInsuranceNumber.isEmpty { object["health_insurance_number"] = patient.healthInsuranceNumber }
        if !patient.address.isEmpty { object["address"] = patient.address }
        return object
    }

    private static func object(line: DrugLine) -> [String: Any] {
        var object: [String: Any] = [
            "line_number": line.lineNumber,
            "registration_number": line.registrationNumber,
            "active_ingredients": line.activeIngredients.map { ["inn": $0.inn, "strength": $0.strength] },
            "quantity": line.quantity,
            "unit": line.unit,
            "days_of_supply": line.daysOfSupply,
        ]
        if !line.brandName.isEmpty { object["brand_name"] = line.brandName }
        if !line.dosageForm.isEmpty { object["dosage_form"] = line.dosageForm }
        if let directions = line.directions {
            object["directions"] = [
                "dose": directions.dose, "times_per_day": directions.timesPerDay, "route": directions.route,
                "timing": directions.timing,
            ]
        }
        if line.doNotSubstitute { object["do_not_substitute"] = true }
        return object
    }
}
