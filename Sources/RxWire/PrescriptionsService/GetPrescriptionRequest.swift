/// `rx.v1.GetPrescriptionRequest`: lookup by code.
public struct GetPrescriptionRequest: ProtoMessage {
    public static let schema = MessageSchema(name: "rx.v1.GetPrescriptionRequest", fields: [
        FieldSchema("code", 1, .string),
        FieldSchema("include_signed_prescription", 2, .bool),
    ])

    public var code = ""
    /// Also return the original signed bytes (never for masked lookups).
    public var includeSignedPrescription = false
    public var unknownFields = UnknownFields()

    public init() {}

    public func visitFields<Visitor: ProtoFieldVisitor>(with visitor: inout Visitor) {
        visitor.visitSingular(ProtoString.self, self.code, field: 1)
        visitor.visitSingular(ProtoBool.self, self.includeSignedPrescription, field: 2)
        visitor.visitUnknown(self.unknownFields)
    }

    public mutating func merge(from reader: inout ProtoReader) throws(WireError) {
        while let tag = try reader.nextTag() {
            switch tag.fieldNumber {
            case 1: self.code = try reader.read(ProtoString.self, tag: tag)
            case 2: self.includeSignedPrescription = try reader.read(ProtoBool.self, tag: tag)
            default: try reader.skip(tag: tag, preservingIn: &self.unknownFields)
            }
        }
    }
}
