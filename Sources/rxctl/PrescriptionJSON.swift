import Foundation
import RxWire

/// The readable JSON form of a `Prescription`, as doctors' software and `rxctl submit` write it.
///
/// Keys are the field names of `rx/v1/prescription.proto` in snake_case (the proto3 JSON mapping with
/// original field names), with three readability choices documented in docs/rxctl.md: enums by name
/// with or without their prefix (`"ORDINARY"` or `"PRESCRIPTION_TYPE_ORDINARY"`), dates as
/// `"YYYY-MM-DD"`, and the issue time as `issued_at` (RFC 3339) or `issued_at_unix_seconds`, defaulting
/// to now. A line's `line_number` defaults to its position. Unknown keys are errors.
enum PrescriptionJSON {
    /// Parses a prescription file.
    ///
    /// - Parameters:
    ///   - data: The file's bytes (UTF-8 JSON, one object).
    ///   - now: Unix seconds used when the file gives no issue time.
    static func prescription(from data: Data, now: Int64) throws(PrescriptionJSONError) -> Prescription {
        let document: Any
        do {
            document = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw PrescriptionJSONError(path: "", problem: "not valid JSON (\(error.localizedDescription))")
        }
        return try self.prescription(try PrescriptionJSONObject(document, path: ""), now: now)
    }

    static func prescription(_ object: PrescriptionJSONObject, now: Int64) throws(PrescriptionJSONError)
        -> Prescription
    {
        var prescription = Prescription()
        prescription.facilityCode = try object.string("facility_code") ?? ""
        if let prescriber = try object.object("prescriber") {
            var value = Prescriber()
            value.fullName = try prescriber.string("full_name") ?? ""
            value.practisingCertificateNumber = try prescriber.string("practising_certificate_number") ?? ""
            try prescriber.finish()
            prescription.prescriber = value
        }
        prescription.issuedAtUnixSeconds = try self.issueTime(object) ?? now
        if let patient = try object.object("patient") {
            prescription.patient = try self.patient(patient)
        }
        for diagnosis in try object.objects("diagnoses") {
            prescription.diagnoses.append(
                Diagnosis(icd10Code: try diagnosis.string("icd10_code") ?? "", text: try diagnosis.string("text") ?? ""))
            try diagnosis.finish()
        }
        prescription.type = try self.enumeration(object, "type", as: PrescriptionType.self) ?? .unspecified
        for (index, line) in try object.objects("lines").enumerated() {
            prescription.lines.append(try self.line(line, position: index + 1))
        }
        prescription.advice = try object.string("advice") ?? ""
        prescription.followUpDate = try self.date(object, "follow_up_date")
        for override in try object.objects("interaction_overrides") {
            prescription.interactionOverrides.append(
                InteractionOverride(
                    ingredientA: try override.string("ingredient_a") ?? "",
                    ingredientB: try override.string("ingredient_b") ?? "", reason: try override.string("reason") ?? ""))
            try override.finish()
        }
        prescription.proposedCode = try object.string("proposed_code")
        prescription.replacesCode = try object.string("replaces_code")
        try object.finish()
        return prescription
    }

    private static func issueTime(_ object: PrescriptionJSONObject) throws(PrescriptionJSONError) -> Int64? {
        if object.has("issued_at"), object.has("issued_at_unix_seconds") {
            throw PrescriptionJSONError(
                path: object.location("issued_at"), problem: "give issued_at or issued_at_unix_seconds, not both")
        }
        if let seconds = try object.integer("issued_at_unix_seconds", in: 0...253_402_300_799) {
            return seconds
        }
        guard let text = try object.string("issued_at") else { return nil }
        guard let seconds = PrescriptionTime.parse(text) else {
            throw PrescriptionJSONError(
                path: object.location("issued_at"), problem: "expected an RFC 3339 time such as 2026-03-14T09:30:00+07:00")
        }
        return seconds
    }

    private static func patient(_ object: PrescriptionJSONObject) throws(PrescriptionJSONError) -> Patient {
        var patient = Patient()
        patient.fullName = try object.string("full_name") ?? ""
        patient.dateOfBirth = try self.date(object, "date_of_birth")
        patient.ageInMonths = try object.uint32("age_in_months")
        patient.weightGrams = try object.uint32("weight_grams")
        patient.guardianName = try object.string("guardian_name") ?? ""
        patient.sex = try self.enumeration(object, "sex", as: Sex.self) ?? .unspecified
        patient.citizenID = try object.string("citizen_id") ?? ""
        patient.healthInsuranceNumber = try object.string("health_insurance_number") ?? ""
        patient.address = try object.string("address") ?? ""
        try object.finish()
        return patient
    }

    private static func line(_ object: PrescriptionJSONObject, position: Int) throws(PrescriptionJSONError) -> DrugLine {
        var line = DrugLine()
        line.lineNumber = try object.uint32("line_number") ?? UInt32(position)
        line.registrationNumber = try object.string("registration_number") ?? ""
        line.brandName = try object.string("brand_name") ?? ""
        for ingredient in try object.objects("active_ingredients") {
            line.activeIngredients.append(
                DrugLine.ActiveIngredient(
                    inn: try ingredient.string("inn") ?? "", strength: try ingredient.string("strength") ?? ""))
            try ingredient.finish()
        }
        line.dosageForm = try object.string("dosage_form") ?? ""
        line.quantity = try object.uint32("quantity") ?? 0
        line.unit = try object.string("unit") ?? ""
        if let directions = try object.object("directions") {
            var value = DrugLine.Directions()
            value.dose = try directions.string("dose") ?? ""
            value.timesPerDay = try directions.uint32("times_per_day") ?? 0
            value.route = try directions.string("route") ?? ""
            value.timing = try directions.string("timing") ?? ""
            try directions.finish()
            line.directions = value
        }
        line.daysOfSupply = try object.uint32("days_of_supply") ?? 0
        line.doNotSubstitute = try object.bool("do_not_substitute") ?? false
        try object.finish()
        return line
    }

    /// A `"YYYY-MM-DD"` string, or the proto3 JSON object form `{"year":…,"month":…,"day":…}`.
    private static func date(_ object: PrescriptionJSONObject, _ key: String) throws(PrescriptionJSONError)
        -> CivilDate?
    {
        guard let value = object.value(key) else { return nil }
        if let text = value as? String {
            guard let date = PrescriptionTime.civilDate(text) else {
                throw PrescriptionJSONError(path: object.location(key), problem: "expected a date as YYYY-MM-DD")
            }
            return date
        }
        let parts = try PrescriptionJSONObject(value, path: object.location(key))
        let date = CivilDate(
            year: Int32(try parts.integer("year", in: 0...9999) ?? 0),
            month: Int32(try parts.integer("month", in: 0...12) ?? 0), day: Int32(try parts.integer("day", in: 0...31) ?? 0))
        try parts.finish()
        return date
    }

    /// An enum value by its proto name, with or without the type prefix, in any letter case; a number
    /// is accepted too, as in the proto3 JSON mapping.
    private static func enumeration<Value: ProtoEnum>(
        _ object: PrescriptionJSONObject, _ key: String, as type: Value.Type
    ) throws(PrescriptionJSONError) -> Value? {
        guard let value = object.value(key) else { return nil }
        if let number = value as? NSNumber, let match = Value.schema.values.first(where: { $0.number == number.int32Value }) {
            return Value(rawValue: match.number)
        }
        let names = Value.schema.values.map(\.name)
        let prefix = Self.commonPrefix(names)
        if let text = value as? String {
            let wanted = text.uppercased()
            if let match = Value.schema.values.first(where: { $0.name == wanted || $0.name == prefix + wanted }) {
                return Value(rawValue: match.number)
            }
        }
        let choices = names.filter { !$0.hasSuffix("_UNSPECIFIED") }.map { String($0.dropFirst(prefix.count)) }
        throw PrescriptionJSONError(
            path: object.location(key), problem: "expected one of \(choices.joined(separator: ", "))")
    }

    /// `PRESCRIPTION_TYPE_` for the PrescriptionType names: the part every name shares, up to an underscore.
    private static func commonPrefix(_ names: [String]) -> String {
        guard var prefix = names.first else { return "" }
        for name in names.dropFirst() {
            while !name.hasPrefix(prefix) { prefix.removeLast() }
        }
        guard let underscore = prefix.lastIndex(of: "_") else { return "" }
        return String(prefix[...underscore])
    }
}
