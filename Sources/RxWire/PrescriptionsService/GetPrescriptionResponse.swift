/// `rx.v1.GetPrescriptionResponse`: a prescription, its state and its history.
public struct GetPrescriptionResponse: ProtoMessage {
    public static let schema = MessageSchema(name: "rx.v1.GetPrescriptionResponse", fields: [
        FieldSchema("code", 1, .string),
        FieldSchema("prescription", 2, .message(Prescription.schema.name)),
        FieldSchema("status", 3, .enumeration(PrescriptionStatus.schema.name)),
        FieldSchema("valid_until_unix_seconds", 4, .int64),
        FieldSchema("lines", 5, .message(PrescriptionLineState.schema.name), .repeated),
        FieldSchema("dispenses", 6, .message(DispenseRecord.schema.name), .repeated),
        FieldSchema("status_history", 7, .message(StatusChange.schema.name), .repeated),
        FieldSchema("signed_prescription", 8, .bytes),
        FieldSchema("identity_masked", 9, .bool),
        FieldSchema("replaced_by_code", 10, .string),
        FieldSchema("signer_certificate_serial", 11, .string),
    ])

    public var code = ""
    /// The signed content; the patient's identity is blanked when masked.
    public var prescription: Prescription?
    public var status = PrescriptionStatus.unspecified
    public var validUntilUnixSeconds: Int64 = 0
    public var lines: [PrescriptionLineState] = []
    public var dispenses: [DispenseRecord] = []
    public var statusHistory: [StatusChange] = []
    /// Only when asked for, and never when `identityMasked` is true.
    public var signedPrescription: [UInt8] = []
    /// Set when the patient's identity was hidden (HIV/AIDS, QĐ 425 Art. 9 k5).
    public var identityMasked = false
    public var replacedByCode = ""
    public var signerCertificateSerial = ""
    public var unknownFields = UnknownFields()

    public init() {}

    public func visitFields<Visitor: ProtoFieldVisitor>(with visitor: inout Visitor) {
        visitor.visitSingular(ProtoString.self, self.code, field: 1)
        visitor.visitMessage(self.prescription, field: 2)
        visitor.visitSingular(ProtoEnumCodec<PrescriptionStatus>.self, self.status, field: 3)
        visitor.visitSingular(ProtoInt64.self, self.validUntilUnixSeconds, field: 4)
        visitor.visitMessages(self.lines, field: 5)
        visitor.visitMessages(self.dispenses, field: 6)
        visitor.visitMessages(self.statusHistory, field: 7)
        visitor.visitSingular(ProtoBytes.self, self.signedPrescription, field: 8)
        visitor.visitSingular(ProtoBool.self, self.identityMasked, field: 9)
        visitor.visitSingular(ProtoString.self, self.replacedByCode, field: 10)
        visitor.visitSingular(ProtoString.self, self.signerCertificateSerial, field: 11)
        visitor.visitUnknown(self.unknownFields)
    }

    public mutating func merge(from reader: inout ProtoReader) throws(WireError) {
        while let tag = try reader.nextTag() {
            switch tag.fieldNumber {
            case 1: self.code = try reader.read(ProtoString.self, tag: tag)
            case 2: self.prescription = try reader.readMessage(tag: tag, merging: self.prescription)
            case 3: self.status = try reader.read(ProtoEnumCodec<PrescriptionStatus>.self, tag: tag)
            case 4: self.validUntilUnixSeconds = try reader.read(ProtoInt64.self, tag: tag)
            case 5: try reader.readRepeated(ProtoMessageCodec<PrescriptionLineState>.self, tag: tag, into: &self.lines)
            case 6: try reader.readRepeated(ProtoMessageCodec<DispenseRecord>.self, tag: tag, into: &self.dispenses)
            case 7: try reader.readRepeated(ProtoMessageCodec<StatusChange>.self, tag: tag, into: &self.statusHistory)
            case 8: self.signedPrescription = try reader.read(ProtoBytes.self, tag: tag)
            case 9: self.identityMasked = try reader.read(ProtoBool.self, tag: tag)
            case 10: self.replacedByCode = try reader.read(ProtoString.self, tag: tag)
            case 11: self.signerCertificateSerial = try reader.read(ProtoString.self, tag: tag)
            default: try reader.skip(tag: tag, preservingIn: &self.unknownFields)
            }
        }
    }
}
