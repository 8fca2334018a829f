/// `rx.v1.ControlledSubstanceAlert`: a patient flagged by controlled-substance monitoring (names the patient: regulators only).
public struct ControlledSubstanceAlert: ProtoMessage {
    public static let schema = MessageSchema(name: "rx.v1.ControlledSubstanceAlert", fields: [
        FieldSchema("kind", 1, .enumeration(ControlledAlertKind.schema.name)),
        FieldSchema("patient_key", 2, .string),
        FieldSchema("patient_name", 3, .string),
        FieldSchema("substance_class", 4, .string),
        FieldSchema("prescribers", 5, .uint32),
        FieldSchema("pharmacies", 6, .uint32),
        FieldSchema("prescription_codes", 7, .string, .repeated),
        FieldSchema("overlapping_days", 8, .uint32),
    ])

    public var kind: ControlledAlertKind = .unspecified
    /// Hex of the pseudonymous patient key.
    public var patientKey = ""
    public var patientName = ""
    /// "narcotic" or "psychotropic".
    public var substanceClass = ""
    public var prescribers: UInt32 = 0
    public var pharmacies: UInt32 = 0
    public var prescriptionCodes: [String] = []
    public var overlappingDays: UInt32 = 0
    public var unknownFields = UnknownFields()

    public init() {}

    public func visitFields<Visitor: ProtoFieldVisitor>(with visitor: inout Visitor) {
        visitor.visitSingular(ProtoEnumCodec<ControlledAlertKind>.self, self.kind, field: 1)
        visitor.visitSingular(ProtoString.self, self.patientKey, field: 2)
        visitor.visitSingular(ProtoString.self, self.patientName, field: 3)
        visitor.visitSingular(ProtoString.self, self.substanceClass, field: 4)
        visitor.visitSingular(ProtoUInt32.self, self.prescribers, field: 5)
        visitor.visitSingular(ProtoUInt32.self, self.pharmacies, field: 6)
        visitor.visitRepeated(ProtoString.self, self.prescriptionCodes, field: 7, packed: false)
        visitor.visitSingular(ProtoUInt32.self, self.overlappingDays, field: 8)
        visitor.visitUnknown(self.unknownFields)
    }

    public mutating func merge(from reader: inout ProtoReader) throws(WireError) {
        while let tag = try reader.nextTag() {
            switch tag.fieldNumber {
            case 1: self.kind = try reader.read(ProtoEnumCodec<ControlledAlertKind>.self, tag: tag)
            case 2: self.patientKey = try reader.read(ProtoString.self, tag: tag)
            case 3: self.patientName = try reader.read(ProtoString.self, tag: tag)
            case 4: self.substanceClass = try reader.read(ProtoString.self, tag: tag)
            case 5: self.prescribers = try reader.read(ProtoUInt32.self, tag: tag)
            case 6: self.pharmacies = try reader.read(ProtoUInt32.self, tag: tag)
            case 7: try reader.readRepeated(ProtoString.self, tag: tag, into: &self.prescriptionCodes)
            case 8: self.overlappingDays = try reader.read(ProtoUInt32.self, tag: tag)
            default: try reader.skip(tag: tag, preservingIn: &self.unknownFields)
            }
        }
    }
}
