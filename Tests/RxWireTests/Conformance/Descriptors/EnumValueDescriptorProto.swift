import RxWire

/// `google.protobuf.EnumValueDescriptorProto`.
struct EnumValueDescriptorProto: ProtoMessage {
    static let schema = MessageSchema(name: "google.protobuf.EnumValueDescriptorProto", fields: [
        FieldSchema("name", 1, .string),
        FieldSchema("number", 2, .int32),
    ])

    var name = ""
    var number: Int32 = 0

    func visitFields<Visitor: ProtoFieldVisitor>(with visitor: inout Visitor) {
        visitor.visitSingular(ProtoString.self, self.name, field: 1)
        visitor.visitSingular(ProtoInt32.self, self.number, field: 2)
    }

    mutating func merge(from reader: inout ProtoReader) throws(WireError) {
        var ignored = UnknownFields()
        while let tag = try reader.nextTag() {
            switch tag.fieldNumber {
            case 1: self.name = try reader.read(ProtoString.self, tag: tag)
            case 2: self.number = try reader.read(ProtoInt32.self, tag: tag)
            default: try reader.skip(tag: tag, preservingIn: &ignored)
            }
        }
    }
}
