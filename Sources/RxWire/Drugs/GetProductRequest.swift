/// `rx.v1.GetProductRequest`: asks for one product by registration number.
public struct GetProductRequest: ProtoMessage {
    public static let schema = MessageSchema(name: "rx.v1.GetProductRequest", fields: [
        FieldSchema("registration_number", 1, .string),
    ])

    /// Case-insensitive.
    public var registrationNumber = ""
    public var unknownFields = UnknownFields()

    public init() {}

    public func visitFields<Visitor: ProtoFieldVisitor>(with visitor: inout Visitor) {
        visitor.visitSingular(ProtoString.self, self.registrationNumber, field: 1)
        visitor.visitUnknown(self.unknownFields)
    }

    public mutating func merge(from reader: inout ProtoReader) throws(WireError) {
        while let tag = try reader.nextTag() {
            switch tag.fieldNumber {
            case 1: self.registrationNumber = try reader.read(ProtoString.self, tag: tag)
            default: try reader.skip(tag: tag, preservingIn: &self.unknownFields)
            }
        }
    }
}
