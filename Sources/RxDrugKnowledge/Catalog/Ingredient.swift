/// One active ingredient of a product and its strength per dispensing unit.
public struct Ingredient: Sendable, Hashable {
    /// International non-proprietary name in English, lowercase, WHO spelling ("acetylsalicylic acid"):
    /// the vocabulary interaction rules are keyed by.
    public let inn: String
    /// As declared, e.g. "500 mg" or "2,5 mg/5 ml".
    public let strength: String

    public init(inn: String, strength: String) {
        self.inn = inn
        self.strength = strength
    }

    /// The strength in a comparable form: folded, without spaces, decimal commas as points, and plain
    /// masses converted to milligrams ("0,5 g" and "500mg" both become "500mg").
    public var normalizedStrength: String {
        Self.normalize(strength: self.strength)
    }

    static func normalize(strength: String) -> String {
        let compact = strength.lowercased().replacingOccurrences(of: " ", with: "")
            .replacingOccurrences(of: ",", with: ".")
        let digits = compact.prefix { $0.isNumber || $0 == "." }
        let unit = compact.dropFirst(digits.count)
        guard let amount = Double(digits) else {
            return compact
        }
        let factor: Double
        switch unit {
        case "g": factor = 1000
        case "mg": factor = 1
        case "mcg", "µg", "μg", "ug": factor = 0.001
        default: return compact
        }
        let milligrams = amount * factor
        let rounded = (milligrams * 1_000_000).rounded() / 1_000_000
        if rounded == rounded.rounded() {
            return "\(Int64(rounded))mg"
        }
        return "\(rounded)mg"
    }
}
