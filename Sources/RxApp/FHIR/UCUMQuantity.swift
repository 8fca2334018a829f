import Foundation

/// A strength such as "500 mg" or "10 mg/ml" as a UCUM quantity (the part before any "/").
struct UCUMQuantity {
    let value: Double
    let unit: String
    let code: String

    private static let codes: [String: String] = [
        "mg": "mg", "g": "g", "mcg": "ug", "µg": "ug", "ug": "ug", "ml": "mL", "l": "L",
        "iu": "[iU]", "ui": "[iU]", "%": "%", "mmol": "mmol",
    ]

    init?(parsing text: String) {
        let first = text.split(separator: "/").first.map(String.init) ?? text
        let trimmed = first.trimmingCharacters(in: .whitespaces)
        let number = trimmed.prefix { $0.isNumber || $0 == "." || $0 == "," }
        let unit = trimmed.dropFirst(number.count).trimmingCharacters(in: .whitespaces)
        guard let value = Double(number.replacingOccurrences(of: ",", with: ".")),
            let code = Self.codes[unit.lowercased()]
        else { return nil }
        self.value = value
        self.unit = unit
        self.code = code
    }

    var json: [String: Any] {
        let number: Any = self.value == self.value.rounded() ? Int(self.value) : self.value
        return ["value": number, "unit": self.unit, "system": FHIRSystems.ucum, "code": self.code]
    }
}
