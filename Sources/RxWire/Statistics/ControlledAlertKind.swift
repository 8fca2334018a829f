/// `rx.v1.ControlledAlertKind`: why a patient is flagged by controlled-substance monitoring. Unknown numbers are kept.
public struct ControlledAlertKind: ProtoEnum {
    public static let schema = EnumSchema(name: "rx.v1.ControlledAlertKind", values: [
        .init("CONTROLLED_ALERT_KIND_UNSPECIFIED", 0), .init("CONTROLLED_ALERT_KIND_MULTIPLE_PRESCRIBERS_AND_PHARMACIES", 1), .init("CONTROLLED_ALERT_KIND_OVERLAPPING_SUPPLY", 2),
    ])

    public static let unspecified = ControlledAlertKind(rawValue: 0)
    /// Several prescribers and several pharmacies in the window.
    public static let multiplePrescribersAndPharmacies = ControlledAlertKind(rawValue: 1)
    /// Days of supply of the same class overlap.
    public static let overlappingSupply = ControlledAlertKind(rawValue: 2)

    public var rawValue: Int32

    public init(rawValue: Int32) {
        self.rawValue = rawValue
    }
}
