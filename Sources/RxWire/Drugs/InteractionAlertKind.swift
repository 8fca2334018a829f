/// `rx.v1.InteractionAlertKind`: what an interaction alert is about; unknown numbers are kept.
public struct InteractionAlertKind: ProtoEnum {
    public static let schema = EnumSchema(name: "rx.v1.InteractionAlertKind", values: [
        .init("INTERACTION_ALERT_KIND_UNSPECIFIED", 0),
        .init("INTERACTION_ALERT_KIND_DRUG_INTERACTION", 1),
        .init("INTERACTION_ALERT_KIND_DUPLICATE_THERAPY", 2),
    ])

    public static let unspecified = InteractionAlertKind(rawValue: 0)
    /// Two ingredients interact.
    public static let drugInteraction = InteractionAlertKind(rawValue: 1)
    /// The same ingredient or class twice.
    public static let duplicateTherapy = InteractionAlertKind(rawValue: 2)

    public var rawValue: Int32

    public init(rawValue: Int32) {
        self.rawValue = rawValue
    }
}
