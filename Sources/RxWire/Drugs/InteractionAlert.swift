/// `rx.v1.InteractionAlert`: one interaction or duplicate-therapy alert.
public struct InteractionAlert: ProtoMessage {
    public static let schema = MessageSchema(name: "rx.v1.InteractionAlert", fields: [
        FieldSchema("severity", 1, .enumeration(InteractionSeverity.schema.name)),
        FieldSchema("kind", 2, .enumeration(InteractionAlertKind.schema.name)),
        FieldSchema("drug_a", 3, .string),
        FieldSchema("drug_b", 4, .string),
        FieldSchema("ingredient_a", 5, .string),
        FieldSchema("ingredient_b", 6, .string),
        FieldSchema("clinical_effect", 7, .string),
        FieldSchema("mechanism", 8, .string),
        FieldSchema("management", 9, .string),
        FieldSchema("source", 10, .string),
        FieldSchema("other_prescription_code", 11, .string),
        FieldSchema("rule_id", 12, .string),
    ])

    public var severity = InteractionSeverity.unspecified
    public var kind = InteractionAlertKind.unspecified
    /// Display name of the first drug.
    public var drugA = ""
    public var drugB = ""
    /// INN.
    public var ingredientA = ""
    public var ingredientB = ""
    public var clinicalEffect = ""
    public var mechanism = ""
    public var management = ""
    public var source = ""
    /// Set when drug B comes from another active prescription.
    public var otherPrescriptionCode = ""
    public var ruleID = ""
    public var unknownFields = UnknownFields()

    public init() {}

    public func visitFields<Visitor: ProtoFieldVisitor>(with visitor: inout Visitor) {
        visitor.visitSingular(ProtoEnumCodec<InteractionSeverity>.self, self.severity, field: 1)
        visitor.visitSingular(ProtoEnumCodec<InteractionAlertKind>.self, self.kind, field: 2)
        visitor.visitSingular(ProtoString.self, self.drugA, field: 3)
        visitor.visitSingular(ProtoString.self, self.drugB, field: 4)
        visitor.visitSingular(ProtoString.self, self.ingredientA, field: 5)
        visitor.visitSingular(ProtoString.self, self.ingredientB, field: 6)
        visitor.visitSingular(ProtoString.self, self.clinicalEffect, field: 7)
        visitor.visitSingular(ProtoString.self, self.mechanism, field: 8)
        visitor.visitSingular(ProtoString.self, self.management, field: 9)
        visitor.visitSingular(ProtoString.self, self.source, field: 10)
        visitor.visitSingular(ProtoString.self, self.otherPrescriptionCode, field: 11)
        visitor.visitSingular(ProtoString.self, self.ruleID, field: 12)
        visitor.visitUnknown(self.unknownFields)
    }

    public mutating func merge(from reader: inout ProtoReader) throws(WireError) {
        while let tag = try reader.nextTag() {
            switch tag.fieldNumber {
            case 1: self.severity = try reader.read(ProtoEnumCodec<InteractionSeverity>.self, tag: tag)
            case 2: self.kind = try reader.read(ProtoEnumCodec<InteractionAlertKind>.self, tag: tag)
            case 3: self.drugA = try reader.read(ProtoString.self, tag: tag)
            case 4: self.drugB = try reader.read(ProtoString.self, tag: tag)
            case 5: self.ingredientA = try reader.read(ProtoString.self, tag: tag)
            case 6: self.ingredientB = try reader.read(ProtoString.self, tag: tag)
            case 7: self.clinicalEffect = try reader.read(ProtoString.self, tag: tag)
            case 8: self.mechanism = try reader.read(ProtoString.self, tag: tag)
            case 9: self.management = try reader.read(ProtoString.self, tag: tag)
            case 10: self.source = try reader.read(ProtoString.self, tag: tag)
            case 11: self.otherPrescriptionCode = try reader.read(ProtoString.self, tag: tag)
            case 12: self.ruleID = try reader.read(ProtoString.self, tag: tag)
            default: try reader.skip(tag: tag, preservingIn: &self.unknownFields)
            }
        }
    }
}
