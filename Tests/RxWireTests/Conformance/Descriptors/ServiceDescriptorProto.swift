import RxWire

/// `google.protobuf.ServiceDescriptorProto`.
struct ServiceDescriptorProto: ProtoMessage {
    static let schema = MessageSchema(name: "google.protobuf.ServiceDescriptorProto", fields: [
        FieldSchema("name", 1, .string),
        FieldSchema("method", 2, .message(MethodDescriptorProto.schema.name), .repeated),
    ])

    var name = ""
    var method: [MethodDescriptorProto] = []

    func visitFields<Visitor: ProtoFieldVisitor>(with visitor: inout Visitor) {
        visitor.visitSingular(ProtoString.self, self.name, field: 1)
        visitor.visitMessages(self.method, field: 2)
    }

    mutating func merge(from reader: inout ProtoReader) throws(WireError) {
        var ignored = UnknownFields()
        while let tag = try reader.nextTag() {
            switch tag.fieldNumber {
            case 1: self.name = try reader.read(ProtoString.self, tag: tag)
            case 2: try reader.readRepeated(ProtoMessageCodec<MethodDescriptorProto>.self, tag: tag, into: &self.method)
            default: try reader.skip(tag: tag, preservingIn: &ignored)
            }
        }
    }
}
