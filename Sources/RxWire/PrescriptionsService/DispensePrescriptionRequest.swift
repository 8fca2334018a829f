/// `rx.v1.DispensePrescriptionRequest`: quantities handed out against a prescription.
public struct DispensePrescriptionRequest: ProtoMessage {
    public static let schema = MessageSchema(name: "rx.v1.DispensePrescriptionRequest", fields: [
        FieldSchema("code", 1, .string),
        FieldSchema("lines", 2, .message(DispensedLine.schema.name), .repeated),
        FieldSchema("idempotency_key", 3, .string),
        FieldSchema("invoice_number", 4, .string),
    ])

    public var code = ""
    public var lines: [DispensedLine] = []
    public var idempotencyKey = ""
    /// The pharmacy's invoice number (mã hoá đơn), if any.
    public var invoiceNumber = ""
    public var unknownFields = UnknownFields()

    public init() {}

    public func visitFields<Visitor: ProtoFieldVisitor>(with visitor: inout Visitor) {
        visitor.visitSingular(ProtoString.self, self.code, field: 1)
        visitor.visitMessages(self.lines, field: 2)
        visitor.visitSingular(ProtoString.self, self.idempotencyKey, field: 3)
        visitor.visitSingular(ProtoString.self, self.invoiceNumber, field: 4)
        visitor.visitUnknown(self.unknownFields)
    }

    public mutating func merge(from reader: inout ProtoReader) throws(WireError) {
        while let tag = try reader.nextTag() {
            switch tag.fieldNumber {
            case 1: self.code = try reader.read(ProtoString.self, tag: tag)
            case 2: try reader.readRepeated(ProtoMessageCodec<DispensedLine>.self, tag: tag, into: &self.lines)
            case 3: self.idempotencyKey = try reader.read(ProtoString.self, tag: tag)
            case 4: self.invoiceNumber = try reader.read(ProtoString.self, tag: tag)
            default: try reader.skip(tag: tag, preservingIn: &self.unknownFields)
            }
        }
    }
}
