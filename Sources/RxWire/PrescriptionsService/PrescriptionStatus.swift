/// `rx.v1.PrescriptionStatus`: where a prescription stands.
///
/// `expired` is computed when a prescription is read (the validity window has ended); it is never
/// stored, so no background sweeper is needed for correctness.
public struct PrescriptionStatus: ProtoEnum {
    public static let schema = EnumSchema(name: "rx.v1.PrescriptionStatus", values: [
        .init("PRESCRIPTION_STATUS_UNSPECIFIED", 0), .init("PRESCRIPTION_STATUS_ACTIVE", 1),
        .init("PRESCRIPTION_STATUS_PARTLY_DISPENSED", 2), .init("PRESCRIPTION_STATUS_COMPLETED", 3),
        .init("PRESCRIPTION_STATUS_CANCELLED", 4), .init("PRESCRIPTION_STATUS_EXPIRED", 5),
        .init("PRESCRIPTION_STATUS_REPLACED", 6),
    ])

    public static let unspecified = PrescriptionStatus(rawValue: 0)
    /// Dispensable; nothing handed out yet.
    public static let active = PrescriptionStatus(rawValue: 1)
    /// Dispensable; some quantity handed out.
    public static let partlyDispensed = PrescriptionStatus(rawValue: 2)
    /// Every line handed out in full.
    public static let completed = PrescriptionStatus(rawValue: 3)
    /// Withdrawn by the issuing facility.
    public static let cancelled = PrescriptionStatus(rawValue: 4)
    /// The validity window has ended (computed on read).
    public static let expired = PrescriptionStatus(rawValue: 5)
    /// Superseded by a corrected prescription.
    public static let replaced = PrescriptionStatus(rawValue: 6)

    public var rawValue: Int32

    public init(rawValue: Int32) {
        self.rawValue = rawValue
    }
}
