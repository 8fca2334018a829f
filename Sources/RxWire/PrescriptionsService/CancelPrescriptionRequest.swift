/// `rx.v1.CancelPrescriptionRequest`: the issuing facility withdraws a prescription.
public struct CancelPrescriptionRequest: ProtoMessage {
    public static let schema = MessageSchema(name: "rx.v1.CancelPrescriptionRequest", fields: [
        FieldSchema("code", 1, .string),
        FieldSchema("reason", 2, .string),
    ])

    public var code = ""
    public var reason = ""
    public var unknownFields = UnknownFields()

    public init() {}

    public func visitFields<Visitor: ProtoFieldVisitor>(with visitor: inout Visitor) {
        visitor.visitSingular(ProtoString.self, self.code, field: 1)
        visitor.visitSingular(ProtoString.self, self.reason, field: 2)
        visitor.visitUnknown(self.unknownFields)
    }

    public mutating func merge(from reader: inout ProtoReader) throws(WireError) {
        while let tag = try reader.nextTag() {
            switch tag.fieldNumber {
            case 1: self.code = try reader.read(ProtoString.self, tag: tag)
            case 2: self.reason = try reader.read(ProtoString.self, tag: tag)
            default: try reader.skip(tag: tag, preservingIn: &self.unknownFields)
            }
        }
    }
}
