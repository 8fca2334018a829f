/// `rx.v1.Patient`: who the prescription is for.
///
/// Children under 72 months also need `ageInMonths`, `weightGrams` and `guardianName`
/// (TT 26/2025 Art. 6); those two numbers are optional so "not recorded" differs from 0.
public struct Patient: ProtoMessage {
    public static let schema = MessageSchema(name: "rx.v1.Patient", fields: [
        FieldSchema("full_name", 1, .string),
        FieldSchema("date_of_birth", 2, .message(CivilDate.schema.name)),
        FieldSchema("age_in_months", 3, .uint32, .optional),
        FieldSchema("weight_grams", 4, .uint32, .optional),
        FieldSchema("guardian_name", 5, .string),
        FieldSchema("sex", 6, .enumeration(Sex.schema.name)),
        FieldSchema("citizen_id", 7, .string),
        FieldSchema("health_insurance_number", 8, .string),
        FieldSchema("address", 9, .string),
    ])

    public var fullName = ""
    /// May be absent when `citizenID` is given.
    public var dateOfBirth: CivilDate?
    public var ageInMonths: UInt32?
    /// Body weight in grams (12.5 kg is 12500).
    public var weightGrams: UInt32?
    /// The accompanying adult's full name, for children under 72 months.
    public var guardianName = ""
    public var sex = Sex.unspecified
    /// 12-digit citizen ID (CCCD), if the patient has one.
    public var citizenID = ""
    /// Health-insurance (BHYT) card number, e.g. "HT4790123456789".
    public var healthInsuranceNumber = ""
    /// Place of residence, as written.
    public var address = ""
    public var unknownFields = UnknownFields()

    public init() {}

    public func visitFields<Visitor: ProtoFieldVisitor>(with visitor: inout Visitor) {
        visitor.visitSingular(ProtoString.self, self.fullName, field: 1)
        visitor.visitMessage(self.dateOfBirth, field: 2)
        visitor.visitOptional(ProtoUInt32.self, self.ageInMonths, field: 3)
        visitor.visitOptional(ProtoUInt32.self, self.weightGrams, field: 4)
        visitor.visitSingular(ProtoString.self, self.guardianName, field: 5)
        visitor.visitSingular(ProtoEnumCodec<Sex>.self, self.sex, field: 6)
        visitor.visitSingular(ProtoString.self, self.citizenID, field: 7)
        visitor.visitSingular(ProtoString.self, self.healthInsuranceNumber, field: 8)
        visitor.visitSingular(ProtoString.self, self.address, field: 9)
        visitor.visitUnknown(self.unknownFields)
    }

    public mutating func merge(from reader: inout ProtoReader) throws(WireError) {
        while let tag = try reader.nextTag() {
            switch tag.fieldNumber {
            case 1: self.fullName = try reader.read(ProtoString.self, tag: tag)
            case 2: self.dateOfBirth = try reader.readMessage(tag: tag, merging: self.dateOfBirth)
            case 3: self.ageInMonths = try reader.read(ProtoUInt32.self, tag: tag)
            case 4: self.weightGrams = try reader.read(ProtoUInt32.self, tag: tag)
            case 5: self.guardianName = try reader.read(ProtoString.self, tag: tag)
            case 6: self.sex = try reader.read(ProtoEnumCodec<Sex>.self, tag: tag)
            case 7: self.citizenID = try reader.read(ProtoString.self, tag: tag)
            case 8: self.healthInsuranceNumber = try reader.read(ProtoString.self, tag: tag)
            case 9: self.address = try reader.read(ProtoString.self, tag: tag)
            default: try reader.skip(tag: tag, preservingIn: &self.unknownFields)
            }
        }
    }
}
