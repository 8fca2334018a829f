/// `rx.v1.StatisticsTopNRequest`: top ingredients or products in a range.
public struct StatisticsTopNRequest: ProtoMessage {
    public static let schema = MessageSchema(name: "rx.v1.StatisticsTopNRequest", fields: [
        FieldSchema("from_unix_seconds", 1, .int64),
        FieldSchema("to_unix_seconds", 2, .int64),
        FieldSchema("measure", 3, .enumeration(StatisticsTopNMeasure.schema.name)),
        FieldSchema("limit", 4, .uint32),
        FieldSchema("provinces", 5, .string, .repeated),
        FieldSchema("atc_prefixes", 6, .string, .repeated),
        FieldSchema("subject", 7, .enumeration(StatisticsTopNSubject.schema.name)),
    ])

    public var fromUnixSeconds: Int64 = 0
    public var toUnixSeconds: Int64 = 0
    public var measure: StatisticsTopNMeasure = .unspecified
    /// How many (default 20, at most 1000).
    public var limit: UInt32 = 0
    public var provinces: [String] = []
    public var atcPrefixes: [String] = []
    /// Ingredients (the default, so older clients keep their answer) or products.
    public var subject: StatisticsTopNSubject = .ingredient
    public var unknownFields = UnknownFields()

    public init() {}

    public func visitFields<Visitor: ProtoFieldVisitor>(with visitor: inout Visitor) {
        visitor.visitSingular(ProtoInt64.self, self.fromUnixSeconds, field: 1)
        visitor.visitSingular(ProtoInt64.self, self.toUnixSeconds, field: 2)
        visitor.visitSingular(ProtoEnumCodec<StatisticsTopNMeasure>.self, self.measure, field: 3)
        visitor.visitSingular(ProtoUInt32.self, self.limit, field: 4)
        visitor.visitRepeated(ProtoString.self, self.provinces, field: 5, packed: false)
        visitor.visitRepeated(ProtoString.self, self.atcPrefixes, field: 6, packed: false)
        visitor.visitSingular(ProtoEnumCodec<StatisticsTopNSubject>.self, self.subject, field: 7)
        visitor.visitUnknown(self.unknownFields)
    }

    public mutating func merge(from reader: inout ProtoReader) throws(WireError) {
        while let tag = try reader.nextTag() {
            switch tag.fieldNumber {
            case 1: self.fromUnixSeconds = try reader.read(ProtoInt64.self, tag: tag)
            case 2: self.toUnixSeconds = try reader.read(ProtoInt64.self, tag: tag)
            case 3: self.measure = try reader.read(ProtoEnumCodec<StatisticsTopNMeasure>.self, tag: tag)
            case 4: self.limit = try reader.read(ProtoUInt32.self, tag: tag)
            case 5: try reader.readRepeated(ProtoString.self, tag: tag, into: &self.provinces)
            case 6: try reader.readRepeated(ProtoString.self, tag: tag, into: &self.atcPrefixes)
            case 7: self.subject = try reader.read(ProtoEnumCodec<StatisticsTopNSubject>.self, tag: tag)
            default: try reader.skip(tag: tag, preservingIn: &self.unknownFields)
            }
        }
    }
}
