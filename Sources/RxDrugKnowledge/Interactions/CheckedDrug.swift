/// One drug line given to the checker: a line of the prescription being submitted or checked, or a line
/// of one of the patient's other active prescriptions (from any facility).
///
/// The caller decides what is active (cancelled, expired and completed prescriptions are left out by the
/// prescriptions module); the checker only compares what it is given.
public struct CheckedDrug: Sendable, Hashable {
    /// The name shown in alerts (product name or INN).
    public var displayName: String
    /// The active ingredients as INNs (combination products list several); synonyms are resolved.
    public var ingredients: [String]
    /// The product's ATC codes (complete codes or prefixes); a class rule matches any of their levels.
    public var atcCodes: [String]
    /// The line number within its prescription, for alerts and ordering.
    public var lineNumber: Int?
    /// The code of the prescription this line belongs to; nil for the lines of the prescription being
    /// checked, set for the patient's other active prescriptions.
    public var prescriptionCode: String?

    public init(
        displayName: String, ingredients: [String], atcCodes: [String] = [], lineNumber: Int? = nil,
        prescriptionCode: String? = nil
    ) {
        self.displayName = displayName
        self.ingredients = ingredients
        self.atcCodes = atcCodes
        self.lineNumber = lineNumber
        self.prescriptionCode = prescriptionCode
    }
}
