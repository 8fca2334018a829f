/// `rx.v1.CheckInteractionsRequest`: drugs to check against each other (and the patient's active prescriptions).
public struct CheckInteractionsRequest: ProtoMessage {
    public static let schema = MessageSchema(name: "rx.v1.CheckInteractionsRequest", fields: [
        FieldSchema("items", 1, .message(InteractionItem.schema.name), .repeated),
        FieldSchema("patient_id", 2, .string),
    ])

    public var items: [InteractionItem] = []
    /// Citizen ID (12 digits) or BHYT number; empty: items only.
    public var patientID = ""
    public var unknownFields = UnknownFields()

    public init() {}

    public func visitFields<Visitor: ProtoFieldVisitor>(with visitor: inout Visitor) {
        visitor.visitMessages(self.items, field: 1)
        visitor.visitSingular(ProtoString.self, self.patientID, field: 2)
        visitor.visitUnknown(self.unknownFields)
    }

    public mutating func merge(from reader: inout ProtoReader) throws(WireError) {
        while let tag = try reader.nextTag() {
            switch tag.fieldNumber {
            case 1: try reader.readRepeated(ProtoMessageCodec<InteractionItem>.self, tag: tag, into: &self.items)
            case 2: self.patientID = try reader.read(ProtoString.self, tag: tag)
            default: try reader.skip(tag: tag, preservingIn: &self.unknownFields)
            }
        }
    }
}
