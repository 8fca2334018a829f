/// `rx.v1.PrescriptionAlert`: a warning raised while screening a new prescription (drug
/// interactions, duplicate therapy with the patient's other active prescriptions).
public struct PrescriptionAlert: ProtoMessage {
    public static let schema = MessageSchema(name: "rx.v1.PrescriptionAlert", fields: [
        FieldSchema("severity", 1, .string),
        FieldSchema("kind", 2, .string),
        FieldSchema("message", 3, .string),
        FieldSchema("ingredient_a", 4, .string),
        FieldSchema("ingredient_b", 5, .string),
        FieldSchema("other_prescription_code", 6, .string),
        FieldSchema("source", 7, .string),
        FieldSchema("rule_id", 8, .string),
        FieldSchema("override_reason", 9, .string),
    ])

    /// "info", "warning", "major" or "contraindicated".
    public var severity = ""
    /// What was found, e.g. "interaction" or "duplicate-ingredient".
    public var kind = ""
    /// Human-readable explanation.
    public var message = ""
    public var ingredientA = ""
    public var ingredientB = ""
    /// Set when the other drug is on another active prescription of the patient.
    public var otherPrescriptionCode = ""
    /// The knowledge source that raised it.
    public var source = ""
    public var ruleID = ""
    /// The prescriber's reason when the signed content overrides this finding; empty otherwise.
    public var overrideReason = ""
    public var unknownFields = UnknownFields()

    public init() {}

    public func visitFields<Visitor: ProtoFieldVisitor>(with visitor: inout Visitor) {
        visitor.visitSingular(ProtoString.self, self.severity, field: 1)
        visitor.visitSingular(ProtoString.self, self.kind, field: 2)
        visitor.visitSingular(ProtoString.self, self.message, field: 3)
        visitor.visitSingular(ProtoString.self, self.ingredientA, field: 4)
        visitor.visitSingular(ProtoString.self, self.ingredientB, field: 5)
        visitor.visitSingular(ProtoString.self, self.otherPrescriptionCode, field: 6)
        visitor.visitSingular(ProtoString.self, self.source, field: 7)
        visitor.visitSingular(ProtoString.self, self.ruleID, field: 8)
        visitor.visitSingular(ProtoString.self, self.overrideReason, field: 9)
        visitor.visitUnknown(self.unknownFields)
    }

    public mutating func merge(from reader: inout ProtoReader) throws(WireError) {
        while let tag = try reader.nextTag() {
            switch tag.fieldNumber {
            case 1: self.severity = try reader.read(ProtoString.self, tag: tag)
            case 2: self.kind = try reader.read(ProtoString.self, tag: tag)
            case 3: self.message = try reader.read(ProtoString.self, tag: tag)
            case 4: self.ingredientA = try reader.read(ProtoString.self, tag: tag)
            case 5: self.ingredientB = try reader.read(ProtoString.self, tag: tag)
            case 6: self.otherPrescriptionCode = try reader.read(ProtoString.self, tag: tag)
            case 7: self.source = try reader.read(ProtoString.self, tag: tag)
            case 8: self.ruleID = try reader.read(ProtoString.self, tag: tag)
            case 9: self.overrideReason = try reader.read(ProtoString.self, tag: tag)
            default: try reader.skip(tag: tag, preservingIn: &self.unknownFields)
            }
        }
    }
}
