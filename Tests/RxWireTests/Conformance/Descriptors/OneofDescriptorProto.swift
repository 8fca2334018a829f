import RxWire

/// `google.protobuf.OneofDescriptorProto`: a oneof's name (synthetic `_x` ones included).
struct OneofDescriptorProto: ProtoMessage {
    static let schema = MessageSchema(name: "google.protobuf.OneofDescriptorProto", fields: [
        FieldSchema("name", 1, .string),
    ])

    var name = ""

    func visitFields<Visitor: ProtoFieldVisitor>(with visitor: inout Visitor) {
        visitor.visitSingular(ProtoString.self, self.name, field: 1)
    }

    mutating func merge(from reader: inout ProtoReader) throws(WireError) {
        var ignored = UnknownFields()
        while let tag = try reader.nextTag() {
            switch tag.fieldNumber {
            case 1: self.name = try reader.read(ProtoString.self, tag: tag)
            default: try reader.skip(tag: tag, preservingIn: &ignored)
            }
        }
    }
}
