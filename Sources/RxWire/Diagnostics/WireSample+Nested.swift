extension WireSample {
    /// `rx.v1.WireSample.Nested`; may contain itself through `children`.
    public struct Nested: ProtoMessage {
        public static let schema = MessageSchema(name: "rx.v1.WireSample.Nested", fields: [
            FieldSchema("label", 1, .string),
            FieldSchema("amount", 2, .int64),
            FieldSchema("deltas", 3, .sint32, .packed),
            FieldSchema("children", 4, .message("rx.v1.WireSample.Nested"), .repeated),
        ])

        public var label = ""
        public var amount: Int64 = 0
        public var deltas: [Int32] = []
        public var children: [Nested] = []
        public var unknownFields = UnknownFields()

        public init() {}

        public init(label: String = "", amount: Int64 = 0, deltas: [Int32] = [], children: [Nested] = []) {
            self.label = label
            self.amount = amount
            self.deltas = deltas
            self.children = children
        }

        public func visitFields<Visitor: ProtoFieldVisitor>(with visitor: inout Visitor) {
            visitor.visitSingular(ProtoString.self, self.label, field: 1)
            visitor.visitSingular(ProtoInt64.self, self.amount, field: 2)
            visitor.visitRepeated(ProtoSInt32.self, self.deltas, field: 3, packed: true)
            visitor.visitMessages(self.children, field: 4)
            visitor.visitUnknown(self.unknownFields)
        }

        public mutating func merge(from reader: inout ProtoReader) throws(WireError) {
            while let tag = try reader.nextTag() {
                switch tag.fieldNumber {
                case 1: self.label = try reader.read(ProtoString.self, tag: tag)
                case 2: self.amount = try reader.read(ProtoInt64.self, tag: tag)
                case 3: try reader.readRepeated(ProtoSInt32.self, tag: tag, into: &self.deltas)
                case 4: try reader.readRepeated(ProtoMessageCodec<Nested>.self, tag: tag, into: &self.children)
                default: try reader.skip(tag: tag, preservingIn: &self.unknownFields)
                }
            }
        }
    }
}
