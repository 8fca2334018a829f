import RxWire

/// A finding the prescriber acknowledged with an interaction override in the signed content.
///
/// Submit records each one beside the prescription (table `interaction_overrides`), so overriding a
/// contraindication is never silent: regulators and the statistics count them.
public struct AcknowledgedAlert: Sendable, Equatable {
    /// The finding as returned to the prescriber.
    public var alert: PrescriptionAlert
    /// The override's ingredient pair exactly as written in the content (it may use synonyms), which
    /// names the override whose reason is recorded.
    public var overrideIngredientA: String
    public var overrideIngredientB: String

    public init(alert: PrescriptionAlert, overrideIngredientA: String, overrideIngredientB: String) {
        self.alert = alert
        self.overrideIngredientA = overrideIngredientA
        self.overrideIngredientB = overrideIngredientB
    }
}
