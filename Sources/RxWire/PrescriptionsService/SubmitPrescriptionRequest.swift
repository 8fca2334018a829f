/// `rx.v1.SubmitPrescriptionRequest`: a signed prescription and the caller's idempotency key.
public struct SubmitPrescriptionRequest: ProtoMessage {
    public static let schema = MessageSchema(name: "rx.v1.SubmitPrescriptionRequest", fields: [
        FieldSchema("signed_prescription", 1, .bytes),
        FieldSchema("idempotency_key", 2, .string),
    ])

    /// CMS SignedData (DER) with the serialized `Prescription` attached.
    public var signedPrescription: [UInt8] = []
    /// A retry with the same key returns the first answer.
    public var idempotencyKey = ""
    public var unknownFields = UnknownFields()

    public init() {}

    public func visitFields<Visitor: ProtoFieldVisitor>(with visitor: inout Visitor) {
        visitor.visitSingular(ProtoBytes.self, self.signedPrescription, field: 1)
        visitor.visitSingular(ProtoString.self, self.idempotencyKey, field: 2)
        visitor.visitUnknown(self.unknownFields)
    }

    public mutating func merge(from reader: inout ProtoReader) throws(WireError) {
        while let tag = try reader.nextTag() {
            switch tag.fieldNumber {
            case 1: self.signedPrescription = try reader.read(ProtoBytes.self, tag: tag)
            case 2: self.idempotencyKey = try reader.read(ProtoString.self, tag: tag)
            default: try reader.skip(tag: tag, preservingIn: &self.unknownFields)
            }
        }
    }
}
