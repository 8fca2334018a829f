/// `rx.v1.InteractionSeverity`: how serious an interaction alert is; unknown numbers are kept.
public struct InteractionSeverity: ProtoEnum {
    public static let schema = EnumSchema(name: "rx.v1.InteractionSeverity", values: [
        .init("INTERACTION_SEVERITY_UNSPECIFIED", 0),
        .init("INTERACTION_SEVERITY_CONTRAINDICATED", 1),
        .init("INTERACTION_SEVERITY_MAJOR", 2),
        .init("INTERACTION_SEVERITY_MODERATE", 3),
        .init("INTERACTION_SEVERITY_MINOR", 4),
    ])

    public static let unspecified = InteractionSeverity(rawValue: 0)
    /// Never combine.
    public static let contraindicated = InteractionSeverity(rawValue: 1)
    /// Avoid, or monitor closely.
    public static let major = InteractionSeverity(rawValue: 2)
    /// May need a dose change or monitoring.
    public static let moderate = InteractionSeverity(rawValue: 3)
    /// Usually no action needed.
    public static let minor = InteractionSeverity(rawValue: 4)

    public var rawValue: Int32

    public init(rawValue: Int32) {
        self.rawValue = rawValue
    }
}
