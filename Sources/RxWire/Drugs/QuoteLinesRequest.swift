/// `rx.v1.QuoteLinesRequest`: lines to price on a date.
public struct QuoteLinesRequest: ProtoMessage {
    public static let schema = MessageSchema(name: "rx.v1.QuoteLinesRequest", fields: [
        FieldSchema("lines", 1, .message(QuoteLine.schema.name), .repeated),
        FieldSchema("date", 2, .message(CivilDate.schema.name)),
    ])

    public var lines: [QuoteLine] = []
    /// Absent: today in Vietnam.
    public var date: CivilDate?
    public var unknownFields = UnknownFields()

    public init() {}

    public func visitFields<Visitor: ProtoFieldVisitor>(with visitor: inout Visitor) {
        visitor.visitMessages(self.lines, field: 1)
        visitor.visitMessage(self.date, field: 2)
        visitor.visitUnknown(self.unknownFields)
    }

    public mutating func merge(from reader: inout ProtoReader) throws(WireError) {
        while let tag = try reader.nextTag() {
            switch tag.fieldNumber {
            case 1: try reader.readRepeated(ProtoMessageCodec<QuoteLine>.self, tag: tag, into: &self.lines)
            case 2: self.date = try reader.readMessage(tag: tag, merging: self.date)
            default: try reader.skip(tag: tag, preservingIn: &self.unknownFields)
            }
        }
    }
}
