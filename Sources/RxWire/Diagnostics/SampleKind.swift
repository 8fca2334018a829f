/// `rx.v1.SampleKind`; unknown numbers are kept.
public struct SampleKind: ProtoEnum {
    public static let schema = EnumSchema(name: "rx.v1.SampleKind", values: [
        .init("SAMPLE_KIND_UNSPECIFIED", 0), .init("SAMPLE_KIND_SMALL", 1),
        .init("SAMPLE_KIND_LARGE", 2), .init("SAMPLE_KIND_NEGATIVE", -1),
    ])

    public static let unspecified = SampleKind(rawValue: 0)
    public static let small = SampleKind(rawValue: 1)
    public static let large = SampleKind(rawValue: 2)
    /// Negative on purpose: it is encoded as a 10-byte varint.
    public static let negative = SampleKind(rawValue: -1)

    public var rawValue: Int32

    public init(rawValue: Int32) {
        self.rawValue = rawValue
    }
}
