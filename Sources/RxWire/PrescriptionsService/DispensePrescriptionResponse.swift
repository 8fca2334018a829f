/// `rx.v1.DispensePrescriptionResponse`: the state after a dispense.
public struct DispensePrescriptionResponse: ProtoMessage {
    public static let schema = MessageSchema(name: "rx.v1.DispensePrescriptionResponse", fields: [
        FieldSchema("code", 1, .string),
        FieldSchema("status", 2, .enumeration(PrescriptionStatus.schema.name)),
        FieldSchema("lines", 3, .message(PrescriptionLineState.schema.name), .repeated),
        FieldSchema("dispense_id", 4, .string),
    ])

    public var code = ""
    public var status = PrescriptionStatus.unspecified
    public var lines: [PrescriptionLineState] = []
    public var dispenseID = ""
    public var unknownFields = UnknownFields()

    public init() {}

    public func visitFields<Visitor: ProtoFieldVisitor>(with visitor: inout Visitor) {
        visitor.visitSingular(ProtoString.self, self.code, field: 1)
        visitor.visitSingular(ProtoEnumCodec<PrescriptionStatus>.self, self.status, field: 2)
        visitor.visitMessages(self.lines, field: 3)
        visitor.visitSingular(ProtoString.self, self.dispenseID, field: 4)
        visitor.visitUnknown(self.unknownFields)
    }

    public mutating func merge(from reader: inout ProtoReader) throws(WireError) {
        while let tag = try reader.nextTag() {
            switch tag.fieldNumber {
            case 1: self.code = try reader.read(ProtoString.self, tag: tag)
            case 2: self.status = try reader.read(ProtoEnumCodec<PrescriptionStatus>.self, tag: tag)
            case 3: try reader.readRepeated(ProtoMessageCodec<PrescriptionLineState>.self, tag: tag, into: &self.lines)
            case 4: self.dispenseID = try reader.read(ProtoString.self, tag: tag)
            default: try reader.skip(tag: tag, preservingIn: &self.unknownFields)
            }
        }
    }
}
