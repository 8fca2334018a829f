/// `rx.v1.StatisticsRatesRequest`: rates over prescriptions issued in a range.
public struct StatisticsRatesRequest: ProtoMessage {
    public static let schema = MessageSchema(name: "rx.v1.StatisticsRatesRequest", fields: [
        FieldSchema("from_unix_seconds", 1, .int64),
        FieldSchema("to_unix_seconds", 2, .int64),
        FieldSchema("facility_codes", 3, .string, .repeated),
        FieldSchema("provinces", 4, .string, .repeated),
    ])

    public var fromUnixSeconds: Int64 = 0
    public var toUnixSeconds: Int64 = 0
    public var facilityCodes: [String] = []
    public var provinces: [String] = []
    public var unknownFields = UnknownFields()

    public init() {}

    public func visitFields<Visitor: ProtoFieldVisitor>(with visitor: inout Visitor) {
        visitor.visitSingular(ProtoInt64.self, self.fromUnixSeconds, field: 1)
        visitor.visitSingular(ProtoInt64.self, self.toUnixSeconds, field: 2)
        visitor.visitRepeated(ProtoString.self, self.facilityCodes, field: 3, packed: false)
        visitor.visitRepeated(ProtoString.self, self.provinces, field: 4, packed: false)
        visitor.visitUnknown(self.unknownFields)
    }

    public mutating func merge(from reader: inout ProtoReader) throws(WireError) {
        while let tag = try reader.nextTag() {
            switch tag.fieldNumber {
            case 1: self.fromUnixSeconds = try reader.read(ProtoInt64.self, tag: tag)
            case 2: self.toUnixSeconds = try reader.read(ProtoInt64.self, tag: tag)
            case 3: try reader.readRepeated(ProtoString.self, tag: tag, into: &self.facilityCodes)
            case 4: try reader.readRepeated(ProtoString.self, tag: tag, into: &self.provinces)
            default: try reader.skip(tag: tag, preservingIn: &self.unknownFields)
            }
        }
    }
}
