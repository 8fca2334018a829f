/// One interaction finding a prescriber overrode, as recorded with the prescription.
public struct RecordedOverride: Sendable, Hashable {
    /// The prescription whose signed content carries the override.
    public var code: String
    /// The override's ingredient pair as written in the content.
    public var ingredientA: String
    public var ingredientB: String
    /// The prescriber's reason, from the signed content.
    public var reason: String
    /// Severity of the overridden finding (e.g. "contraindicated").
    public var severity: String
    /// The knowledge-base rule behind the finding; empty for a duplicate ingredient.
    public var ruleID: String
    /// For a finding against another active prescription of the patient: its code; otherwise empty.
    public var otherPrescriptionCode: String
    /// When the prescription was stored, Unix seconds.
    public var createdAt: Int64

    public init(
        code: String, ingredientA: String, ingredientB: String, reason: String, severity: String, ruleID: String,
        otherPrescriptionCode: String, createdAt: Int64
    ) {
        self.code = code
        self.ingredientA = ingredientA
        self.ingredientB = ingredientB
        self.reason = reason
        self.severity = severity
        self.ruleID = ruleID
        self.otherPrescriptionCode = otherPrescriptionCode
        self.createdAt = createdAt
    }
}
