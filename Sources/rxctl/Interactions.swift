import ArgumentParser
import RxWire

/// `rxctl interactions DRUG…`: checks a draft for interactions and duplicate therapy before signing.
struct Interactions: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check drugs (ingredient names or registration numbers) for interactions and duplicate therapy.",
        discussion: """
            Each argument is an active ingredient (warfarin, aspirin, "kali clorid"…) or, when it looks like one,
            a registration number (VD-25123-18, 893114458325). With --patient, the patient's active prescriptions
            from every facility are checked too, as Submit will do.
            """)

    @OptionGroup var connection: ConnectionOptions

    @Argument(help: "Ingredient names or registration numbers (at least one).")
    var drugs: [String]

    @Option(help: "Citizen ID (12 digits) or health-insurance number of the patient.")
    var patient: String?

    func validate() throws {
        guard !self.drugs.isEmpty else { throw ValidationError("name at least one drug") }
    }

    func run() throws {
        var request = CheckInteractionsRequest()
        request.items = self.drugs.map { text in
            var item = InteractionItem()
            item.item = Self.looksLikeRegistrationNumber(text) ? .registrationNumber(text) : .ingredient(text)
            return item
        }
        request.patientID = self.patient ?? ""
        let response: CheckInteractionsResponse = try DrugsCall.unary(
            "CheckInteractions", request, connection: self.connection)
        if self.connection.json {
            try DrugsCall.printJSON(["alerts": response.alerts.map(Self.json)])
            return
        }
        guard !response.alerts.isEmpty else {
            print("no interactions found")
            return
        }
        DrugsCall.printTable(
            ["SEVERITY", "DRUG A", "DRUG B", "OTHER PRESCRIPTION", "EFFECT", "SOURCE"],
            response.alerts.map {
                [Self.severity($0.severity), $0.drugA, $0.drugB, $0.otherPrescriptionCode, $0.clinicalEffect, $0.source]
            })
    }

    /// Registration numbers have a digit and a dash (`VD-25123-18`) or are 12 digits (`893114458325`).
    static func looksLikeRegistrationNumber(_ text: String) -> Bool {
        let digits = text.filter(\.isNumber).count
        return (text.contains("-") && digits >= 4 && !text.contains(" ")) || (text.count == 12 && digits == 12)
    }

    static func severity(_ value: InteractionSeverity) -> String {
        switch value {
        case .contraindicated: return "CONTRAINDICATED"
        case .major: return "MAJOR"
        case .moderate: return "MODERATE"
        case .minor: return "MINOR"
        default: return "UNSPECIFIED"
        }
    }

    static func json(_ alert: InteractionAlert) -> [String: Any] {
        [
            "severity": self.severity(alert.severity).lowercased(),
            "kind": alert.kind == .duplicateTherapy ? "duplicate_therapy" : "drug_interaction",
            "drug_a": alert.drugA, "drug_b": alert.drugB, "ingredient_a": alert.ingredientA,
            "ingredient_b": alert.ingredientB, "clinical_effect": alert.clinicalEffect, "mechanism": alert.mechanism,
            "management": alert.management, "source": alert.source,
            "other_prescription_code": alert.otherPrescriptionCode, "rule_id": alert.ruleID,
        ]
    }
}
