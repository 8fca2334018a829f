/// `rx.v1.CancelPrescriptionResponse`: the status after cancelling.
public struct CancelPrescriptionResponse: ProtoMessage {
    public static let schema = MessageSchema(name: "rx.v1.CancelPrescriptionResponse", fields: [
        FieldSchema("code", 1, .string),
        FieldSchema("status", 2, .enumeration(PrescriptionStatus.schema.name)),
    ])

    public var code = ""
    public var status = PrescriptionStatus.unspecified
    public var unknownFields = UnknownFields()

    public init() {}

    public func visitFields<Visitor: ProtoFieldVisitor>(with visitor: inout Visitor) {
        visitor.visitSingular(ProtoString.self, self.code, field: 1)
        visitor.visitSingular(ProtoEnumCodec<PrescriptionStatus>.self, self.status, field: 2)
        visitor.visitUnknown(self.unknownFields)
    }

    public mutating func merge(from reader: inout ProtoReader) throws(WireError) {
        while let tag = try reader.nextTag() {
            switch tag.fieldNumber {
            case 1: self.code = try reader.read(ProtoString.self, tag: tag)
            case 2: self.status = try reader.read(ProtoEnumCodec<PrescriptionStatus>.self, tag: tag)
            default: try reader.skip(tag: tag, preservingIn: &self.unknownFields)
            }
        }
    }
}
