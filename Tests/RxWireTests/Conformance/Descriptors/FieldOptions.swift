import RxWire

/// `google.protobuf.FieldOptions`: only `packed`, whose presence matters (absent means
/// the syntax's default: packed for proto3 numeric scalars).
struct FieldOptions: ProtoMessage {
    static let schema = MessageSchema(name: "google.protobuf.FieldOptions", fields: [
        FieldSchema("packed", 2, .bool, .optional),
    ])

    var packed: Bool?

    func visitFields<Visitor: ProtoFieldVisitor>(with visitor: inout Visitor) {
        visitor.visitOptional(ProtoBool.self, self.packed, field: 2)
    }

    mutating func merge(from reader: inout ProtoReader) throws(WireError) {
        var ignored = UnknownFields()
        while let tag = try reader.nextTag() {
            switch tag.fieldNumber {
            case 2: self.packed = try reader.read(ProtoBool.self, tag: tag)
            default: try reader.skip(tag: tag, preservingIn: &ignored)
            }
        }
    }
}
