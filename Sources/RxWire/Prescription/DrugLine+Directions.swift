extension DrugLine {
    /// `rx.v1.DrugLine.Directions`: how the patient takes the drug.
    public struct Directions: ProtoMessage {
        public static let schema = MessageSchema(name: "rx.v1.DrugLine.Directions", fields: [
            FieldSchema("dose", 1, .string),
            FieldSchema("times_per_day", 2, .uint32),
            FieldSchema("route", 3, .string),
            FieldSchema("timing", 4, .string),
        ])

        /// Amount per administration, e.g. "1 viên".
        public var dose = ""
        public var timesPerDay: UInt32 = 0
        /// e.g. "uống" (oral).
        public var route = ""
        /// e.g. "sau ăn" (after meals).
        public var timing = ""
        public var unknownFields = UnknownFields()

        public init() {}

        public func visitFields<Visitor: ProtoFieldVisitor>(with visitor: inout Visitor) {
            visitor.visitSingular(ProtoString.self, self.dose, field: 1)
            visitor.visitSingular(ProtoUInt32.self, self.timesPerDay, field: 2)
            visitor.visitSingular(ProtoString.self, self.route, field: 3)
            visitor.visitSingular(ProtoString.self, self.timing, field: 4)
            visitor.visitUnknown(self.unknownFields)
        }

        public mutating func merge(from reader: inout ProtoReader) throws(WireError) {
            while let tag = try reader.nextTag() {
                switch tag.fieldNumber {
                case 1: self.dose = try reader.read(ProtoString.self, tag: tag)
                case 2: self.timesPerDay = try reader.read(ProtoUInt32.self, tag: tag)
                case 3: self.route = try reader.read(ProtoString.self, tag: tag)
                case 4: self.timing = try reader.read(ProtoString.self, tag: tag)
                default: try reader.skip(tag: tag, preservingIn: &self.unknownFields)
                }
            }
        }
    }
}
