/// One finding about a pair of drug lines: an interaction rule that matched, or a duplicate therapy.
public struct InteractionAlert: Sendable, Hashable {
    init(
        kind: Kind, severity: InteractionSeverity, firstDrug: InteractionIndex.PreparedDrug,
        secondDrug: InteractionIndex.PreparedDrug, firstIngredient: String, secondIngredient: String,
        rule: InteractionRule?, acknowledgement: InteractionAcknowledgement?
    ) {
        self.kind = kind
        self.severity = severity
        self.firstDrug = firstDrug
        self.secondDrug = secondDrug
        self.firstIngredient = firstIngredient
        self.secondIngredient = secondIngredient
        self.rule = rule
        self.acknowledgement = acknowledgement
    }

    public static func == (lhs: InteractionAlert, rhs: InteractionAlert) -> Bool {
        lhs.kind == rhs.kind && lhs.severity == rhs.severity && lhs.first == rhs.first && lhs.second == rhs.second
            && lhs.firstIngredient == rhs.firstIngredient && lhs.secondIngredient == rhs.secondIngredient
            && lhs.rule == rhs.rule && lhs.acknowledgement == rhs.acknowledgement
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(self.kind)
        hasher.combine(self.first)
        hasher.combine(self.second)
        hasher.combine(self.rule)
    }

    /// What kind of finding this is.
    public enum Kind: String, Sendable, Hashable {
        /// A knowledge-base rule between two different ingredients or classes.
        case interaction
        /// The same active ingredient in two lines (also inside combination products).
        case duplicateIngredient
        /// Two drugs of a class where duplication is a known problem (a rule with both sides the same class).
        case duplicateClass
    }

    /// What kind of finding this is.
    public let kind: Kind
    /// The severity (the rule's, or ``InteractionIndex/duplicateIngredientSeverity``).
    public let severity: InteractionSeverity
    /// The drug from the prescription being checked (the earlier line when both are).
    public var first: CheckedDrug {
        self.firstDrug.drug
    }
    /// The other drug: a later line of the same prescription, or a line of another active prescription.
    public var second: CheckedDrug {
        self.secondDrug.drug
    }
    /// The ingredient of `first` the finding is about.
    public let firstIngredient: String
    /// The ingredient of `second` the finding is about.
    public let secondIngredient: String
    /// The matching rule; nil for a duplicate ingredient.
    public let rule: InteractionRule?
    /// The prepared drugs, shared with the check rather than copied (alerts are built on the Submit path).
    let firstDrug: InteractionIndex.PreparedDrug
    let secondDrug: InteractionIndex.PreparedDrug
    /// The prescriber's acknowledgement covering this pair, if one was given.
    public let acknowledgement: InteractionAcknowledgement?

    /// Whether a prescriber override covers this pair.
    public var isOverridden: Bool {
        self.acknowledgement != nil
    }

    /// The code of the other prescription, for a finding across prescriptions.
    public var otherPrescriptionCode: String? {
        self.second.prescriptionCode ?? self.first.prescriptionCode
    }

    /// Whether the finding pairs a new line with a line of another active prescription.
    public var isCrossPrescription: Bool {
        self.otherPrescriptionCode != nil
    }

    /// Whether this alert stops the submission: contraindicated and not overridden.
    public var isBlocking: Bool {
        self.severity.blocksSubmission && !self.isOverridden
    }

    /// The clinical consequence.
    public var effect: String {
        self.rule?.effect ?? "Same active ingredient prescribed twice: risk of overdose (\(self.firstIngredient))"
    }

    /// What to do about it.
    public var management: String {
        self.rule?.management
            ?? "Check that both lines are intended; combine the doses or stop one, including lines from other facilities"
    }

    /// The source of the severity.
    public var source: String {
        self.rule?.source ?? "Therapeutic duplication (same ingredient) — clearinghouse rule"
    }

    /// A one-line summary naming both drugs, the severity, the source and the other prescription's code.
    public var summary: String {
        var text = "\(self.severity.name.uppercased()): \(self.first.displayName) + \(self.second.displayName)"
        if let code = self.otherPrescriptionCode {
            text += " (prescription \(code))"
        }
        text += ": \(self.effect) [\(self.rule?.id ?? "duplicate"); \(self.source)]"
        if self.isOverridden {
            text += " — overridden by the prescriber"
        }
        return text
    }
}
