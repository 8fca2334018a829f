/// One row of the interaction knowledge base: two sides (an ingredient or an ATC class prefix each), how
/// severe their combination is, and what the prescriber needs to know and do about it.
///
/// A side given as an ATC prefix applies to every drug whose ATC code (or whose ingredient's ATC code)
/// starts with it — present catalog entries and future ones alike. A rule whose two sides are the same
/// ATC prefix is a therapeutic-duplication rule: it fires for two *different* drugs of that class.
///
/// A final class with constant fields rather than a struct: alerts hold their rule, and sharing one
/// reference keeps building alerts on the Submit path to a single retain instead of copying nine strings.
public final class InteractionRule: Sendable, Hashable {
    /// The stable identifier from the knowledge-base file (`DDI-0001`), quoted in alerts and logs.
    public let id: String
    /// The first side of the rule; the rule is symmetric, the order only follows the file.
    public let sideA: Side
    /// The second side of the rule.
    public let sideB: Side
    /// The severity the cited source gives.
    public let severity: InteractionSeverity
    /// The family the rule belongs to, for review and statistics.
    public let category: Category
    /// The clinical consequence of the combination.
    public let effect: String
    /// Why it happens (pharmacokinetic or pharmacodynamic mechanism).
    public let mechanism: String
    /// What the prescriber should do.
    public let management: String
    /// The public source the severity comes from.
    public let source: String

    public init(
        id: String, sideA: Side, sideB: Side, severity: InteractionSeverity, category: Category = .other,
        effect: String, mechanism: String = "", management: String = "", source: String
    ) {
        self.id = id
        self.sideA = sideA
        self.sideB = sideB
        self.severity = severity
        self.category = category
        self.effect = effect
        self.mechanism = mechanism
        self.management = management
        self.source = source
    }

    /// Whether the rule flags two drugs of the same class (both sides the same ATC prefix).
    public var isClassDuplication: Bool {
        self.sideA == self.sideB
    }

    public static func == (lhs: InteractionRule, rhs: InteractionRule) -> Bool {
        lhs === rhs
            || (lhs.id == rhs.id && lhs.sideA == rhs.sideA && lhs.sideB == rhs.sideB && lhs.severity == rhs.severity
                && lhs.category == rhs.category && lhs.effect == rhs.effect && lhs.mechanism == rhs.mechanism
                && lhs.management == rhs.management && lhs.source == rhs.source)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(self.id)
        hasher.combine(self.sideA)
        hasher.combine(self.sideB)
    }
}

extension InteractionRule {
    /// One side of a rule.
    public enum Side: Sendable, Hashable, CustomStringConvertible {
        /// An active ingredient by its INN: English, lowercase, WHO spelling (`acetylsalicylic acid`).
        case ingredient(String)
        /// A WHO ATC code or prefix of 1, 3, 4, 5 or 7 characters (`C10AA` for statins).
        case atcPrefix(String)

        /// Parses the file notation: `atc:C10AA` for a class, anything else for an ingredient. Returns nil
        /// when the text is neither a well-formed ATC prefix nor a well-formed INN.
        public init?(fileNotation text: String) {
            if text.hasPrefix("atc:") {
                let code = String(text.dropFirst(4))
                guard ATCCode.isPrefix(code) else {
                    return nil
                }
                self = .atcPrefix(code)
            } else {
                guard IngredientName.isCanonical(text) else {
                    return nil
                }
                self = .ingredient(text)
            }
        }

        /// The file notation, the inverse of ``init(fileNotation:)``.
        public var fileNotation: String {
            switch self {
            case .ingredient(let name): name
            case .atcPrefix(let code): "atc:" + code
            }
        }

        public var description: String {
            self.fileNotation
        }
    }

    /// The family a rule belongs to.
    public enum Category: String, Sendable, Hashable, CaseIterable {
        /// Additive QT prolongation / torsades de pointes.
        case qt
        /// CYP3A4 (or P-glycoprotein) inhibition raising the partner's exposure.
        case cyp3a4
        /// CYP1A2 inhibition (tizanidine, theophylline, agomelatine …).
        case cyp1a2
        /// Enzyme induction lowering the partner's effect.
        case inducer
        /// Serotonin syndrome, MAO inhibition, hypertensive crisis.
        case serotonergic
        /// Additive bleeding risk.
        case bleeding
        /// Hyperkalaemia.
        case hyperkalaemia
        /// Additive CNS or respiratory depression.
        case cns
        /// Therapeutic duplication.
        case duplication
        /// Anything else (transporters, toxicity, absorption …).
        case other
    }
}
