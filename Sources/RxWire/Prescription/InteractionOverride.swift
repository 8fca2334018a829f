/// `rx.v1.InteractionOverride`: the prescriber acknowledges an interaction warning.
public struct InteractionOverride: ProtoMessage {
    public static let schema = MessageSchema(name: "rx.v1.InteractionOverride", fields: [
        FieldSchema("ingredient_a", 1, .string),
        FieldSchema("ingredient_b", 2, .string),
        FieldSchema("reason", 3, .string),
    ])

    public var ingredientA = ""
    public var ingredientB = ""
    public var reason = ""
    public var unknownFields = UnknownFields()

    public init() {}

    public init(ingredientA: String, ingredientB: String, reason: String) {
        self.ingredientA = ingredientA
        self.ingredientB = ingredientB
        self.reason = reason
    }

    public func visitFields<Visitor: ProtoFieldVisitor>(with visitor: inout Visitor) {
        visitor.visitSingular(ProtoString.self, self.ingredientA, field: 1)
        visitor.visitSingular(ProtoString.self, self.ingredientB, field: 2)
        visitor.visitSingular(ProtoString.self, self.reason, field: 3)
        visitor.visitUnknown(self.unknownFields)
    }

    public mutating func merge(from reader: inout ProtoReader) throws(WireError) {
        while let tag = try reader.nextTag() {
            switch tag.fieldNumber {
            case 1: self.ingredientA = try reader.read(ProtoString.self, tag: tag)
            case 2: self.ingredientB = try reader.read(ProtoString.self, tag: tag)
            case 3: self.reason = try reader.read(ProtoString.self, tag: tag)
            default: try reader.skip(tag: tag, preservingIn: &self.unknownFields)
            }
        }
    }
}
