import RxWire

/// `google.protobuf.EnumDescriptorProto`.
struct EnumDescriptorProto: ProtoMessage {
    static let schema = MessageSchema(name: "google.protobuf.EnumDescriptorProto", fields: [
        FieldSchema("name", 1, .string),
        FieldSchema("value", 2, .message(EnumValueDescriptorProto.schema.name), .repeated),
    ])

    var name = ""
    var value: [EnumValueDescriptorProto] = []

    func visitFields<Visitor: ProtoFieldVisitor>(with visitor: inout Visitor) {
        visitor.visitSingular(ProtoString.self, self.name, field: 1)
        visitor.visitMessages(self.value, field: 2)
    }

    mutating func merge(from reader: inout ProtoReader) throws(WireError) {
        var ignored = UnknownFields()
        while let tag = try reader.nextTag() {
            switch tag.fieldNumber {
            case 1: self.name = try reader.read(ProtoString.self, tag: tag)
            case 2: try reader.readRepeated(ProtoMessageCodec<EnumValueDescriptorProto>.self, tag: tag, into: &self.value)
            default: try reader.skip(tag: tag, preservingIn: &ignored)
            }
        }
    }
}
