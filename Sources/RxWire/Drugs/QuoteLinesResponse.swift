/// `rx.v1.QuoteLinesResponse`: priced lines and totals.
public struct QuoteLinesResponse: ProtoMessage {
    public static let schema = MessageSchema(name: "rx.v1.QuoteLinesResponse", fields: [
        FieldSchema("lines", 1, .message(QuotedLine.schema.name), .repeated),
        FieldSchema("total_vnd", 2, .int64),
        FieldSchema("cheapest_total_vnd", 3, .int64),
        FieldSchema("saving_vnd", 4, .int64),
        FieldSchema("date", 5, .message(CivilDate.schema.name)),
        FieldSchema("catalog_version", 6, .uint64),
    ])

    public var lines: [QuotedLine] = []
    public var totalVND: Int64 = 0
    public var cheapestTotalVND: Int64 = 0
    /// `totalVND - cheapestTotalVND`.
    public var savingVND: Int64 = 0
    public var date: CivilDate?
    public var catalogVersion: UInt64 = 0
    public var unknownFields = UnknownFields()

    public init() {}

    public func visitFields<Visitor: ProtoFieldVisitor>(with visitor: inout Visitor) {
        visitor.visitMessages(self.lines, field: 1)
        visitor.visitSingular(ProtoInt64.self, self.totalVND, field: 2)
        visitor.visitSingular(ProtoInt64.self, self.cheapestTotalVND, field: 3)
        visitor.visitSingular(ProtoInt64.self, self.savingVND, field: 4)
        visitor.visitMessage(self.date, field: 5)
        visitor.visitSingular(ProtoUInt64.self, self.catalogVersion, field: 6)
        visitor.visitUnknown(self.unknownFields)
    }

    public mutating func merge(from reader: inout ProtoReader) throws(WireError) {
        while let tag = try reader.nextTag() {
            switch tag.fieldNumber {
            case 1: try reader.readRepeated(ProtoMessageCodec<QuotedLine>.self, tag: tag, into: &self.lines)
            case 2: self.totalVND = try reader.read(ProtoInt64.self, tag: tag)
            case 3: self.cheapestTotalVND = try reader.read(ProtoInt64.self, tag: tag)
            case 4: self.savingVND = try reader.read(ProtoInt64.self, tag: tag)
            case 5: self.date = try reader.readMessage(tag: tag, merging: self.date)
            case 6: self.catalogVersion = try reader.read(ProtoUInt64.self, tag: tag)
            default: try reader.skip(tag: tag, preservingIn: &self.unknownFields)
            }
        }
    }
}
