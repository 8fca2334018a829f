/// How dangerous a drug combination is, ordered from least to most severe.
///
/// The levels follow the wording of the sources the knowledge base cites: `contraindicated` is the ANSM
/// "contre-indication", the ONC high-priority list and label contraindications; `major` is "association
/// déconseillée" / "avoid"; `moderate` is "précaution d'emploi"; `minor` is "à prendre en compte". Only
/// `contraindicated` blocks a submission (unless overridden), so the level is never lowered to reduce alerts.
public enum InteractionSeverity: Int, Sendable, Hashable, Comparable, CaseIterable, CustomStringConvertible {
    case minor = 1
    case moderate = 2
    case major = 3
    case contraindicated = 4

    /// Parses the lowercase name used in the knowledge-base file (`contraindicated`, `major`, …).
    public init?(name: String) {
        guard let severity = Self.allCases.first(where: { $0.name == name }) else {
            return nil
        }
        self = severity
    }

    /// The lowercase name used in the knowledge-base file and in messages.
    public var name: String {
        switch self {
        case .minor: "minor"
        case .moderate: "moderate"
        case .major: "major"
        case .contraindicated: "contraindicated"
        }
    }

    /// Whether an alert of this severity stops a submission unless the prescriber acknowledged it.
    public var blocksSubmission: Bool {
        self == .contraindicated
    }

    public var description: String {
        self.name
    }

    public static func < (lhs: InteractionSeverity, rhs: InteractionSeverity) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}
