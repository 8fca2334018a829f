/// `rx.v1.CheckInteractionsResponse`: the alerts found.
public struct CheckInteractionsResponse: ProtoMessage {
    public static let schema = MessageSchema(name: "rx.v1.CheckInteractionsResponse", fields: [
        FieldSchema("alerts", 1, .message(InteractionAlert.schema.name), .repeated),
    ])

    public var alerts: [InteractionAlert] = []
    public var unknownFields = UnknownFields()

    public init() {}

    public func visitFields<Visitor: ProtoFieldVisitor>(with visitor: inout Visitor) {
        visitor.visitMessages(self.alerts, field: 1)
        visitor.visitUnknown(self.unknownFields)
    }

    public mutating func merge(from reader: inout ProtoReader) throws(WireError) {
        while let tag = try reader.nextTag() {
            switch tag.fieldNumber {
            case 1: try reader.readRepeated(ProtoMessageCodec<InteractionAlert>.self, tag: tag, into: &self.alerts)
            default: try reader.skip(tag: tag, preservingIn: &self.unknownFields)
            }
        }
    }
}
