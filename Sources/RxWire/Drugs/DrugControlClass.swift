/// `rx.v1.DrugControlClass`: the legal control class of a product; unknown numbers are kept.
public struct DrugControlClass: ProtoEnum {
    public static let schema = EnumSchema(name: "rx.v1.DrugControlClass", values: [
        .init("DRUG_CONTROL_CLASS_UNSPECIFIED", 0),
        .init("DRUG_CONTROL_CLASS_NONE", 1),
        .init("DRUG_CONTROL_CLASS_NARCOTIC", 2),
        .init("DRUG_CONTROL_CLASS_PSYCHOTROPIC", 3),
        .init("DRUG_CONTROL_CLASS_PRECURSOR", 4),
    ])

    public static let unspecified = DrugControlClass(rawValue: 0)
    /// Not a controlled drug.
    public static let none = DrugControlClass(rawValue: 1)
    /// Thuốc gây nghiện: N prescription.
    public static let narcotic = DrugControlClass(rawValue: 2)
    /// Thuốc hướng thần: H prescription.
    public static let psychotropic = DrugControlClass(rawValue: 3)
    /// Thuốc tiền chất: H prescription.
    public static let precursor = DrugControlClass(rawValue: 4)

    public var rawValue: Int32

    public init(rawValue: Int32) {
        self.rawValue = rawValue
    }
}
