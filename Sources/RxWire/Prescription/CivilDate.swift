/// `rx.v1.CivilDate`: a calendar date with no time zone (date of birth, follow-up).
public struct CivilDate: ProtoMessage {
    public static let schema = MessageSchema(name: "rx.v1.CivilDate", fields: [
        FieldSchema("year", 1, .int32),
        FieldSchema("month", 2, .int32),
        FieldSchema("day", 3, .int32),
    ])

    public var year: Int32 = 0
    /// 1-12.
    public var month: Int32 = 0
    /// 1-31.
    public var day: Int32 = 0
    public var unknownFields = UnknownFields()

    public init() {}

    public init(year: Int32, month: Int32, day: Int32) {
        self.year = year
        self.month = month
        self.day = day
    }

    public func visitFields<Visitor: ProtoFieldVisitor>(with visitor: inout Visitor) {
        visitor.visitSingular(ProtoInt32.self, self.year, field: 1)
        visitor.visitSingular(ProtoInt32.self, self.month, field: 2)
        visitor.visitSingular(ProtoInt32.self, self.day, field: 3)
        visitor.visitUnknown(self.unknownFields)
    }

    public mutating func merge(from reader: inout ProtoReader) throws(WireError) {
        while let tag = try reader.nextTag() {
            switch tag.fieldNumber {
            case 1: self.year = try reader.read(ProtoInt32.self, tag: tag)
            case 2: self.month = try reader.read(ProtoInt32.self, tag: tag)
            case 3: self.day = try reader.read(ProtoInt32.self, tag: tag)
            default: try reader.skip(tag: tag, preservingIn: &self.unknownFields)
            }
        }
    }
}
