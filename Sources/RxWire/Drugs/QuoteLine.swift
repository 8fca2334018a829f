/// `rx.v1.QuoteLine`: one line to price.
public struct QuoteLine: ProtoMessage {
    public static let schema = MessageSchema(name: "rx.v1.QuoteLine", fields: [
        FieldSchema("registration_number", 1, .string),
        FieldSchema("quantity", 2, .uint32),
    ])

    public var registrationNumber = ""
    /// Dispensing units.
    public var quantity: UInt32 = 0
    public var unknownFields = UnknownFields()

    public init() {}

    public init(registrationNumber: String, quantity: UInt32) {
        self.registrationNumber = registrationNumber
        self.quantity = quantity
    }

    public func visitFields<Visitor: ProtoFieldVisitor>(with visitor: inout Visitor) {
        visitor.visitSingular(ProtoString.self, self.registrationNumber, field: 1)
        visitor.visitSingular(ProtoUInt32.self, self.quantity, field: 2)
        visitor.visitUnknown(self.unknownFields)
    }

    public mutating func merge(from reader: inout ProtoReader) throws(WireError) {
        while let tag = try reader.nextTag() {
            switch tag.fieldNumber {
            case 1: self.registrationNumber = try reader.read(ProtoString.self, tag: tag)
            case 2: self.quantity = try reader.read(ProtoUInt32.self, tag: tag)
            default: try reader.skip(tag: tag, preservingIn: &self.unknownFields)
            }
        }
    }
}
