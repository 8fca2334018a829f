/// `rx.v1.PrescriptionLineState`: one drug line's prescribed, dispensed and remaining quantity.
public struct PrescriptionLineState: ProtoMessage {
    public static let schema = MessageSchema(name: "rx.v1.PrescriptionLineState", fields: [
        FieldSchema("line_number", 1, .uint32),
        FieldSchema("registration_number", 2, .string),
        FieldSchema("prescribed_quantity", 3, .uint32),
        FieldSchema("dispensed_quantity", 4, .uint32),
        FieldSchema("remaining_quantity", 5, .uint32),
    ])

    public var lineNumber: UInt32 = 0
    public var registrationNumber = ""
    public var prescribedQuantity: UInt32 = 0
    public var dispensedQuantity: UInt32 = 0
    public var remainingQuantity: UInt32 = 0
    public var unknownFields = UnknownFields()

    public init() {}

    public func visitFields<Visitor: ProtoFieldVisitor>(with visitor: inout Visitor) {
        visitor.visitSingular(ProtoUInt32.self, self.lineNumber, field: 1)
        visitor.visitSingular(ProtoString.self, self.registrationNumber, field: 2)
        visitor.visitSingular(ProtoUInt32.self, self.prescribedQuantity, field: 3)
        visitor.visitSingular(ProtoUInt32.self, self.dispensedQuantity, field: 4)
        visitor.visitSingular(ProtoUInt32.self, self.remainingQuantity, field: 5)
        visitor.visitUnknown(self.unknownFields)
    }

    public mutating func merge(from reader: inout ProtoReader) throws(WireError) {
        while let tag = try reader.nextTag() {
            switch tag.fieldNumber {
            case 1: self.lineNumber = try reader.read(ProtoUInt32.self, tag: tag)
            case 2: self.registrationNumber = try reader.read(ProtoString.self, tag: tag)
            case 3: self.prescribedQuantity = try reader.read(ProtoUInt32.self, tag: tag)
            case 4: self.dispensedQuantity = try reader.read(ProtoUInt32.self, tag: tag)
            case 5: self.remainingQuantity = try reader.read(ProtoUInt32.self, tag: tag)
            default: try reader.skip(tag: tag, preservingIn: &self.unknownFields)
            }
        }
    }
}
