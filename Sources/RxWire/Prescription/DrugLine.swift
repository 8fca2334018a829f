/// `rx.v1.DrugLine`: one drug on a prescription, with quantity and directions.
public struct DrugLine: ProtoMessage {
    public static let schema = MessageSchema(name: "rx.v1.DrugLine", fields: [
        FieldSchema("line_number", 1, .uint32),
        FieldSchema("registration_number", 2, .string),
        FieldSchema("brand_name", 3, .string),
        FieldSchema("active_ingredients", 4, .message(ActiveIngredient.schema.name), .repeated),
        FieldSchema("dosage_form", 5, .string),
        FieldSchema("quantity", 6, .uint32),
        FieldSchema("unit", 7, .string),
        FieldSchema("directions", 8, .message(Directions.schema.name)),
        FieldSchema("days_of_supply", 9, .uint32),
        FieldSchema("do_not_substitute", 10, .bool),
    ])

    /// 1-based position on the prescription.
    public var lineNumber: UInt32 = 0
    /// Marketing registration number, e.g. "VD-25123-18" or 12 digits.
    public var registrationNumber = ""
    public var brandName = ""
    public var activeIngredients: [ActiveIngredient] = []
    /// e.g. "viên nang cứng".
    public var dosageForm = ""
    /// Whole dispensing units.
    public var quantity: UInt32 = 0
    /// Dispensing unit, e.g. "viên".
    public var unit = ""
    public var directions: Directions?
    public var daysOfSupply: UInt32 = 0
    /// The prescriber forbids generic substitution at the pharmacy.
    public var doNotSubstitute = false
    public var unknownFields = UnknownFields()

    public init() {}

    public func visitFields<Visitor: ProtoFieldVisitor>(with visitor: inout Visitor) {
        visitor.visitSingular(ProtoUInt32.self, self.lineNumber, field: 1)
        visitor.visitSingular(ProtoString.self, self.registrationNumber, field: 2)
        visitor.visitSingular(ProtoString.self, self.brandName, field: 3)
        visitor.visitMessages(self.activeIngredients, field: 4)
        visitor.visitSingular(ProtoString.self, self.dosageForm, field: 5)
        visitor.visitSingular(ProtoUInt32.self, self.quantity, field: 6)
        visitor.visitSingular(ProtoString.self, self.unit, field: 7)
        visitor.visitMessage(self.directions, field: 8)
        visitor.visitSingular(ProtoUInt32.self, self.daysOfSupply, field: 9)
        visitor.visitSingular(ProtoBool.self, self.doNotSubstitute, field: 10)
        visitor.visitUnknown(self.unknownFields)
    }

    public mutating func merge(from reader: inout ProtoReader) throws(WireError) {
        while let tag = try reader.nextTag() {
            switch tag.fieldNumber {
            case 1: self.lineNumber = try reader.read(ProtoUInt32.self, tag: tag)
            case 2: self.registrationNumber = try reader.read(ProtoString.self, tag: tag)
            case 3: self.brandName = try reader.read(ProtoString.self, tag: tag)
            case 4:
                try reader.readRepeated(ProtoMessageCodec<ActiveIngredient>.self, tag: tag, into: &self.activeIngredients)
            case 5: self.dosageForm = try reader.read(ProtoString.self, tag: tag)
            case 6: self.quantity = try reader.read(ProtoUInt32.self, tag: tag)
            case 7: self.unit = try reader.read(ProtoString.self, tag: tag)
            case 8: self.directions = try reader.readMessage(tag: tag, merging: self.directions)
            case 9: self.daysOfSupply = try reader.read(ProtoUInt32.self, tag: tag)
            case 10: self.doNotSubstitute = try reader.read(ProtoBool.self, tag: tag)
            default: try reader.skip(tag: tag, preservingIn: &self.unknownFields)
            }
        }
    }
}
