import RxWire

/// `google.protobuf.FileDescriptorProto` (name, package, messages, enums, services, syntax).
struct FileDescriptorProto: ProtoMessage {
    static let schema = MessageSchema(name: "google.protobuf.FileDescriptorProto", fields: [
        FieldSchema("name", 1, .string),
        FieldSchema("package", 2, .string),
        FieldSchema("message_type", 4, .message(DescriptorProto.schema.name), .repeated),
        FieldSchema("enum_type", 5, .message(EnumDescriptorProto.schema.name), .repeated),
        FieldSchema("service", 6, .message(ServiceDescriptorProto.schema.name), .repeated),
        FieldSchema("syntax", 12, .string),
    ])

    var name = ""
    var package = ""
    var messageType: [DescriptorProto] = []
    var enumType: [EnumDescriptorProto] = []
    var service: [ServiceDescriptorProto] = []
    var syntax = ""

    func visitFields<Visitor: ProtoFieldVisitor>(with visitor: inout Visitor) {
        visitor.visitSingular(ProtoString.self, self.name, field: 1)
        visitor.visitSingular(ProtoString.self, self.package, field: 2)
        visitor.visitMessages(self.messageType, field: 4)
        visitor.visitMessages(self.enumType, field: 5)
        visitor.visitMessages(self.service, field: 6)
        visitor.visitSingular(ProtoString.self, self.syntax, field: 12)
    }

    mutating func merge(from reader: inout ProtoReader) throws(WireError) {
        var ignored = UnknownFields()
        while let tag = try reader.nextTag() {
            switch tag.fieldNumber {
            case 1: self.name = try reader.read(ProtoString.self, tag: tag)
            case 2: self.package = try reader.read(ProtoString.self, tag: tag)
            case 4: try reader.readRepeated(ProtoMessageCodec<DescriptorProto>.self, tag: tag, into: &self.messageType)
            case 5: try reader.readRepeated(ProtoMessageCodec<EnumDescriptorProto>.self, tag: tag, into: &self.enumType)
            case 6: try reader.readRepeated(ProtoMessageCodec<ServiceDescriptorProto>.self, tag: tag, into: &self.service)
            case 12: self.syntax = try reader.read(ProtoString.self, tag: tag)
            default: try reader.skip(tag: tag, preservingIn: &ignored)
            }
        }
    }
}
