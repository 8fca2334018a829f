/// `rx.v1.StatisticsQuery`: a statistics query: a time range, the dimensions to group by, and filters.
public struct StatisticsQuery: ProtoMessage {
    public static let schema = MessageSchema(name: "rx.v1.StatisticsQuery", fields: [
        FieldSchema("from_unix_seconds", 1, .int64),
        FieldSchema("to_unix_seconds", 2, .int64),
        FieldSchema("group_by", 3, .enumeration(StatisticsDimension.schema.name), .packed),
        FieldSchema("atc_level", 4, .uint32),
        FieldSchema("facility_codes", 5, .string, .repeated),
        FieldSchema("provinces", 6, .string, .repeated),
        FieldSchema("ingredients", 7, .string, .repeated),
        FieldSchema("atc_prefixes", 8, .string, .repeated),
        FieldSchema("types", 9, .enumeration(PrescriptionType.schema.name), .packed),
    ])

    /// Start of the range (inclusive), Unix seconds; cut to Vietnam civil days.
    public var fromUnixSeconds: Int64 = 0
    /// End of the range (exclusive), Unix seconds.
    public var toUnixSeconds: Int64 = 0
    /// Dimensions in output key order; empty gives one total row.
    public var groupBy: [StatisticsDimension] = []
    /// ATC level 1-5 for the ATC dimension and prefix filters (default 5).
    public var atcLevel: UInt32 = 0
    /// Only these issuing facilities (empty: all).
    public var facilityCodes: [String] = []
    /// Only these provinces (two-digit codes).
    public var provinces: [String] = []
    /// Only these ingredients (INN, lowercase).
    public var ingredients: [String] = []
    /// Only ATC codes starting with one of these.
    public var atcPrefixes: [String] = []
    /// Only these prescription types.
    public var types: [PrescriptionType] = []
    public var unknownFields = UnknownFields()

    public init() {}

    public func visitFields<Visitor: ProtoFieldVisitor>(with visitor: inout Visitor) {
        visitor.visitSingular(ProtoInt64.self, self.fromUnixSeconds, field: 1)
        visitor.visitSingular(ProtoInt64.self, self.toUnixSeconds, field: 2)
        visitor.visitRepeated(ProtoEnumCodec<StatisticsDimension>.self, self.groupBy, field: 3, packed: true)
        visitor.visitSingular(ProtoUInt32.self, self.atcLevel, field: 4)
        visitor.visitRepeated(ProtoString.self, self.facilityCodes, field: 5, packed: false)
        visitor.visitRepeated(ProtoString.self, self.provinces, field: 6, packed: false)
        visitor.visitRepeated(ProtoString.self, self.ingredients, field: 7, packed: false)
        visitor.visitRepeated(ProtoString.self, self.atcPrefixes, field: 8, packed: false)
        visitor.visitRepeated(ProtoEnumCodec<PrescriptionType>.self, self.types, field: 9, packed: true)
        visitor.visitUnknown(self.unknownFields)
    }

    public mutating func merge(from reader: inout ProtoReader) throws(WireError) {
        while let tag = try reader.nextTag() {
            switch tag.fieldNumber {
            case 1: self.fromUnixSeconds = try reader.read(ProtoInt64.self, tag: tag)
            case 2: self.toUnixSeconds = try reader.read(ProtoInt64.self, tag: tag)
            case 3: try reader.readRepeated(ProtoEnumCodec<StatisticsDimension>.self, tag: tag, into: &self.groupBy)
            case 4: self.atcLevel = try reader.read(ProtoUInt32.self, tag: tag)
            case 5: try reader.readRepeated(ProtoString.self, tag: tag, into: &self.facilityCodes)
            case 6: try reader.readRepeated(ProtoString.self, tag: tag, into: &self.provinces)
            case 7: try reader.readRepeated(ProtoString.self, tag: tag, into: &self.ingredients)
            case 8: try reader.readRepeated(ProtoString.self, tag: tag, into: &self.atcPrefixes)
            case 9: try reader.readRepeated(ProtoEnumCodec<PrescriptionType>.self, tag: tag, into: &self.types)
            default: try reader.skip(tag: tag, preservingIn: &self.unknownFields)
            }
        }
    }
}
