/// `rx.v1.PrescriptionType`: sets the code's type letter and which limits apply.
public struct PrescriptionType: ProtoEnum {
    public static let schema = EnumSchema(name: "rx.v1.PrescriptionType", values: [
        .init("PRESCRIPTION_TYPE_UNSPECIFIED", 0), .init("PRESCRIPTION_TYPE_ORDINARY", 1),
        .init("PRESCRIPTION_TYPE_NARCOTIC", 2), .init("PRESCRIPTION_TYPE_PSYCHOTROPIC_PRECURSOR", 3),
        .init("PRESCRIPTION_TYPE_TRADITIONAL_MEDICINE", 4),
    ])

    public static let unspecified = PrescriptionType(rawValue: 0)
    /// Code letter C.
    public static let ordinary = PrescriptionType(rawValue: 1)
    /// Code letter N.
    public static let narcotic = PrescriptionType(rawValue: 2)
    /// Code letter H.
    public static let psychotropicPrecursor = PrescriptionType(rawValue: 3)
    /// Traditional medicine (YHCT, TT 55/2025).
    public static let traditionalMedicine = PrescriptionType(rawValue: 4)

    public var rawValue: Int32

    public init(rawValue: Int32) {
        self.rawValue = rawValue
    }
}
