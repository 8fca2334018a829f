/// `rx.v1.GetPriceRequest`: asks for the unit price in effect on a date.
public struct GetPriceRequest: ProtoMessage {
    public static let schema = MessageSchema(name: "rx.v1.GetPriceRequest", fields: [
        FieldSchema("registration_number", 1, .string),
        FieldSchema("date", 2, .message(CivilDate.schema.name)),
    ])

    public var registrationNumber = ""
    /// Absent: today in Vietnam.
    public var date: CivilDate?
    public var unknownFields = UnknownFields()

    public init() {}

    public func visitFields<Visitor: ProtoFieldVisitor>(with visitor: inout Visitor) {
        visitor.visitSingular(ProtoString.self, self.registrationNumber, field: 1)
        visitor.visitMessage(self.date, field: 2)
        visitor.visitUnknown(self.unknownFields)
    }

    public mutating func merge(from reader: inout ProtoReader) throws(WireError) {
        while let tag = try reader.nextTag() {
            switch tag.fieldNumber {
            case 1: self.registrationNumber = try reader.read(ProtoString.self, tag: tag)
            case 2: self.date = try reader.readMessage(tag: tag, merging: self.date)
            default: try reader.skip(tag: tag, preservingIn: &self.unknownFields)
            }
        }
    }
}
