/// `rx.v1.DrugProduct`: a registered drug product as the catalog knows it.
public struct DrugProduct: ProtoMessage {
    public static let schema = MessageSchema(name: "rx.v1.DrugProduct", fields: [
        FieldSchema("registration_number", 1, .string),
        FieldSchema("brand_name", 2, .string),
        FieldSchema("ingredients", 3, .message(DrugLine.ActiveIngredient.schema.name), .repeated),
        FieldSchema("dosage_form", 4, .string),
        FieldSchema("route", 5, .string),
        FieldSchema("unit", 6, .string),
        FieldSchema("pack_size", 7, .string),
        FieldSchema("manufacturer", 8, .string),
        FieldSchema("country", 9, .string),
        FieldSchema("atc_codes", 10, .string, .repeated),
        FieldSchema("control_class", 11, .enumeration(DrugControlClass.schema.name)),
        FieldSchema("prescription_only", 12, .bool),
        FieldSchema("prices", 13, .message(DrugPrice.schema.name), .repeated),
    ])

    /// "VD-25123-18", "VN-…", "QLĐB-…", or 12 digits.
    public var registrationNumber = ""
    public var brandName = ""
    /// INN (lowercase English) with strength.
    public var ingredients: [DrugLine.ActiveIngredient] = []
    /// e.g. "viên nén bao phim".
    public var dosageForm = ""
    /// e.g. "uống".
    public var route = ""
    /// Dispensing unit, e.g. "viên".
    public var unit = ""
    /// e.g. "Hộp 10 vỉ x 10 viên".
    public var packSize = ""
    public var manufacturer = ""
    public var country = ""
    /// WHO ATC codes, 7 characters.
    public var atcCodes: [String] = []
    public var controlClass = DrugControlClass.unspecified
    public var prescriptionOnly = false
    /// Declared prices, oldest first.
    public var prices: [DrugPrice] = []
    public var unknownFields = UnknownFields()

    public init() {}

    public func visitFields<Visitor: ProtoFieldVisitor>(with visitor: inout Visitor) {
        visitor.visitSingular(ProtoString.self, self.registrationNumber, field: 1)
        visitor.visitSingular(ProtoString.self, self.brandName, field: 2)
        visitor.visitMessages(self.ingredients, field: 3)
        visitor.visitSingular(ProtoString.self, self.dosageForm, field: 4)
        visitor.visitSingular(ProtoString.self, self.route, field: 5)
        visitor.visitSingular(ProtoString.self, self.unit, field: 6)
        visitor.visitSingular(ProtoString.self, self.packSize, field: 7)
        visitor.visitSingular(ProtoString.self, self.manufacturer, field: 8)
        visitor.visitSingular(ProtoString.self, self.country, field: 9)
        visitor.visitRepeated(ProtoString.self, self.atcCodes, field: 10, packed: false)
        visitor.visitSingular(ProtoEnumCodec<DrugControlClass>.self, self.controlClass, field: 11)
        visitor.visitSingular(ProtoBool.self, self.prescriptionOnly, field: 12)
        visitor.visitMessages(self.prices, field: 13)
        visitor.visitUnknown(self.unknownFields)
    }

    public mutating func merge(from reader: inout ProtoReader) throws(WireError) {
        while let tag = try reader.nextTag() {
            switch tag.fieldNumber {
            case 1: self.registrationNumber = try reader.read(ProtoString.self, tag: tag)
            case 2: self.brandName = try reader.read(ProtoString.self, tag: tag)
            case 3: try reader.readRepeated(ProtoMessageCodec<DrugLine.ActiveIngredient>.self, tag: tag, into: &self.ingredients)
            case 4: self.dosageForm = try reader.read(ProtoString.self, tag: tag)
            case 5: self.route = try reader.read(ProtoString.self, tag: tag)
            case 6: self.unit = try reader.read(ProtoString.self, tag: tag)
            case 7: self.packSize = try reader.read(ProtoString.self, tag: tag)
            case 8: self.manufacturer = try reader.read(ProtoString.self, tag: tag)
            case 9: self.country = try reader.read(ProtoString.self, tag: tag)
            case 10: try reader.readRepeated(ProtoString.self, tag: tag, into: &self.atcCodes)
            case 11: self.controlClass = try reader.read(ProtoEnumCodec<DrugControlClass>.self, tag: tag)
            case 12: self.prescriptionOnly = try reader.read(ProtoBool.self, tag: tag)
            case 13: try reader.readRepeated(ProtoMessageCodec<DrugPrice>.self, tag: tag, into: &self.prices)
            default: try reader.skip(tag: tag, preservingIn: &self.unknownFields)
            }
        }
    }
}
