/// `rx.v1.Sex` of a patient, as recorded on the prescription.
public struct Sex: ProtoEnum {
    public static let schema = EnumSchema(name: "rx.v1.Sex", values: [
        .init("SEX_UNSPECIFIED", 0), .init("SEX_MALE", 1), .init("SEX_FEMALE", 2),
    ])

    public static let unspecified = Sex(rawValue: 0)
    public static let male = Sex(rawValue: 1)
    public static let female = Sex(rawValue: 2)

    public var rawValue: Int32

    public init(rawValue: Int32) {
        self.rawValue = rawValue
    }
}
