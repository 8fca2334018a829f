import RxWire

/// `google.protobuf.DescriptorProto`: one message type, with its nested types.
struct DescriptorProto: ProtoMessage {
    static let schema = MessageSchema(name: "google.protobuf.DescriptorProto", fields: [
        FieldSchema("name", 1, .string),
        FieldSchema("field", 2, .message(FieldDescriptorProto.schema.name), .repeated),
        FieldSchema("nested_type", 3, .message("google.protobuf.DescriptorProto"), .repeated),
        FieldSchema("enum_type", 4, .message(EnumDescriptorProto.schema.name), .repeated),
        FieldSchema("options", 7, .message(MessageOptions.schema.name)),
        FieldSchema("oneof_decl", 8, .message(OneofDescriptorProto.schema.name), .repeated),
    ])

    var name = ""
    var field: [FieldDescriptorProto] = []
    var nestedType: [DescriptorProto] = []
    var enumType: [EnumDescriptorProto] = []
    var options: MessageOptions?
    var oneofDecl: [OneofDescriptorProto] = []

    func visitFields<Visitor: ProtoFieldVisitor>(with visitor: inout Visitor) {
        visitor.visitSingular(ProtoString.self, self.name, field: 1)
        visitor.visitMessages(self.field, field: 2)
        visitor.visitMessages(self.nestedType, field: 3)
        visitor.visitMessages(self.enumType, field: 4)
        visitor.visitMessage(self.options, field: 7)
        visitor.visitMessages(self.oneofDecl, field: 8)
    }

    mutating func merge(from reader: inout ProtoReader) throws(WireError) {
        var ignored = UnknownFields()
        while let tag = try reader.nextTag() {
            switch tag.fieldNumber {
            case 1: self.name = try reader.read(ProtoString.self, tag: tag)
            case 2: try reader.readRepeated(ProtoMessageCodec<FieldDescriptorProto>.self, tag: tag, into: &self.field)
            case 3: try reader.readRepeated(ProtoMessageCodec<DescriptorProto>.self, tag: tag, into: &self.nestedType)
            case 4: try reader.readRepeated(ProtoMessageCodec<EnumDescriptorProto>.self, tag: tag, into: &self.enumType)
            case 7: self.options = try reader.readMessage(tag: tag, merging: self.options)
            case 8: try reader.readRepeated(ProtoMessageCodec<OneofDescriptorProto>.self, tag: tag, into: &self.oneofDecl)
            default: try reader.skip(tag: tag, preservingIn: &ignored)
            }
        }
    }
}
