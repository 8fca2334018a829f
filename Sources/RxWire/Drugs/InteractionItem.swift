/// `rx.v1.InteractionItem`: one drug to check: a catalog product or a bare ingredient (INN).
public struct InteractionItem: ProtoMessage {
    public static let schema = MessageSchema(name: "rx.v1.InteractionItem", fields: [
        FieldSchema("registration_number", 1, .string, oneof: "item"),
        FieldSchema("ingredient", 2, .string, oneof: "item"),
    ])

    /// The `item` oneof: at most one member is set.
    public var item: Item?
    public var unknownFields = UnknownFields()

    public init() {}

    /// The `item` oneof of `rx.v1.InteractionItem`.
    public enum Item: Sendable, Equatable {
        case registrationNumber(String)
        case ingredient(String)
    }

    public func visitFields<Visitor: ProtoFieldVisitor>(with visitor: inout Visitor) {
        switch self.item {
        case .registrationNumber(let value): visitor.visitPresent(ProtoString.self, value, field: 1)
        case .ingredient(let value): visitor.visitPresent(ProtoString.self, value, field: 2)
        case nil: break
        }
        visitor.visitUnknown(self.unknownFields)
    }

    public mutating func merge(from reader: inout ProtoReader) throws(WireError) {
        while let tag = try reader.nextTag() {
            switch tag.fieldNumber {
            case 1: self.item = .registrationNumber(try reader.read(ProtoString.self, tag: tag))
            case 2: self.item = .ingredient(try reader.read(ProtoString.self, tag: tag))
            default: try reader.skip(tag: tag, preservingIn: &self.unknownFields)
            }
        }
    }
}
