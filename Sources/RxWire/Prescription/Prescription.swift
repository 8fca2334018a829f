/// `rx.v1.Prescription`: the content a prescriber signs and submits.
///
/// Signatures cover `serializedBytes()`, which is deterministic, so the same
/// prescription always gives the same signed bytes. Times are Unix seconds (UTC);
/// dates without a time are `CivilDate`.
public struct Prescription: ProtoMessage {
    public static let schema = MessageSchema(name: "rx.v1.Prescription", fields: [
        FieldSchema("facility_code", 1, .string),
        FieldSchema("prescriber", 2, .message(Prescriber.schema.name)),
        FieldSchema("issued_at_unix_seconds", 3, .int64),
        FieldSchema("patient", 4, .message(Patient.schema.name)),
        FieldSchema("diagnoses", 5, .message(Diagnosis.schema.name), .repeated),
        FieldSchema("type", 6, .enumeration(PrescriptionType.schema.name)),
        FieldSchema("lines", 7, .message(DrugLine.schema.name), .repeated),
        FieldSchema("advice", 8, .string),
        FieldSchema("follow_up_date", 9, .message(CivilDate.schema.name)),
        FieldSchema("interaction_overrides", 10, .message(InteractionOverride.schema.name), .repeated),
        FieldSchema("proposed_code", 11, .string, .optional),
        FieldSchema("replaces_code", 12, .string, .optional),
    ])

    /// 5-character facility code (mã cơ sở KCB), e.g. "79088".
    public var facilityCode = ""
    public var prescriber: Prescriber?
    /// When the prescription was issued, seconds since the Unix epoch (UTC).
    public var issuedAtUnixSeconds: Int64 = 0
    public var patient: Patient?
    public var diagnoses: [Diagnosis] = []
    public var type = PrescriptionType.unspecified
    public var lines: [DrugLine] = []
    /// Advice to the patient, including follow-up instructions (lời dặn).
    public var advice = ""
    public var followUpDate: CivilDate?
    public var interactionOverrides: [InteractionOverride] = []
    /// A code proposed by the prescriber's software in the official format
    /// (e.g. "79088k3f9a2q-C"); nil when the clearinghouse assigns one.
    public var proposedCode: String?
    /// On a correction (`Prescriptions.Replace`), the code of the prescription this one supersedes;
    /// signed with the content so the doctor's signature covers which prescription is withdrawn.
    public var replacesCode: String?
    public var unknownFields = UnknownFields()

    public init() {}

    public func visitFields<Visitor: ProtoFieldVisitor>(with visitor: inout Visitor) {
        visitor.visitSingular(ProtoString.self, self.facilityCode, field: 1)
        visitor.visitMessage(self.prescriber, field: 2)
        visitor.visitSingular(ProtoInt64.self, self.issuedAtUnixSeconds, field: 3)
        visitor.visitMessage(self.patient, field: 4)
        visitor.visitMessages(self.diagnoses, field: 5)
        visitor.visitSingular(ProtoEnumCodec<PrescriptionType>.self, self.type, field: 6)
        visitor.visitMessages(self.lines, field: 7)
        visitor.visitSingular(ProtoString.self, self.advice, field: 8)
        visitor.visitMessage(self.followUpDate, field: 9)
        visitor.visitMessages(self.interactionOverrides, field: 10)
        visitor.visitOptional(ProtoString.self, self.proposedCode, field: 11)
        visitor.visitOptional(ProtoString.self, self.replacesCode, field: 12)
        visitor.visitUnknown(self.unknownFields)
    }

    public mutating func merge(from reader: inout ProtoReader) throws(WireError) {
        while let tag = try reader.nextTag() {
            switch tag.fieldNumber {
            case 1: self.facilityCode = try reader.read(ProtoString.self, tag: tag)
            case 2: self.prescriber = try reader.readMessage(tag: tag, merging: self.prescriber)
            case 3: self.issuedAtUnixSeconds = try reader.read(ProtoInt64.self, tag: tag)
            case 4: self.patient = try reader.readMessage(tag: tag, merging: self.patient)
            case 5: try reader.readRepeated(ProtoMessageCodec<Diagnosis>.self, tag: tag, into: &self.diagnoses)
            case 6: self.type = try reader.read(ProtoEnumCodec<PrescriptionType>.self, tag: tag)
            case 7: try reader.readRepeated(ProtoMessageCodec<DrugLine>.self, tag: tag, into: &self.lines)
            case 8: self.advice = try reader.read(ProtoString.self, tag: tag)
            case 9: self.followUpDate = try reader.readMessage(tag: tag, merging: self.followUpDate)
            case 10:
                try reader.readRepeated(
                    ProtoMessageCodec<InteractionOverride>.self, tag: tag, into: &self.interactionOverrides)
            case 11: self.proposedCode = try reader.read(ProtoString.self, tag: tag)
            case 12: self.replacesCode = try reader.read(ProtoString.self, tag: tag)
            default: try reader.skip(tag: tag, preservingIn: &self.unknownFields)
            }
        }
    }
}
