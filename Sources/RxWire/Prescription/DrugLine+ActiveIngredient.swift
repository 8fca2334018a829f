extension DrugLine {
    /// `rx.v1.DrugLine.ActiveIngredient`: one active ingredient and its strength.
    public struct ActiveIngredient: ProtoMessage {
        public static let schema = MessageSchema(name: "rx.v1.DrugLine.ActiveIngredient", fields: [
            FieldSchema("inn", 1, .string),
            FieldSchema("strength", 2, .string),
        ])

        /// International non-proprietary name, e.g. "Amoxicillin".
        public var inn = ""
        /// e.g. "500 mg".
        public var strength = ""
        public var unknownFields = UnknownFields()

        public init() {}

        public init(inn: String, strength: String) {
            self.inn = inn
            self.strength = strength
        }

        public func visitFields<Visitor: ProtoFieldVisitor>(with visitor: inout Visitor) {
            visitor.visitSingular(ProtoString.self, self.inn, field: 1)
            visitor.visitSingular(ProtoString.self, self.strength, field: 2)
            visitor.visitUnknown(self.unknownFields)
        }

        public mutating func merge(from reader: inout ProtoReader) throws(WireError) {
            while let tag = try reader.nextTag() {
                switch tag.fieldNumber {
                case 1: self.inn = try reader.read(ProtoString.self, tag: tag)
                case 2: self.strength = try reader.read(ProtoString.self, tag: tag)
                default: try reader.skip(tag: tag, preservingIn: &self.unknownFields)
                }
            }
        }
    }
}
