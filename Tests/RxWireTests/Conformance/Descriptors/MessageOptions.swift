import RxWire

/// `google.protobuf.MessageOptions`: only `map_entry`, which marks the synthetic
/// entry messages protoc creates for `map<K, V>` fields.
struct MessageOptions: ProtoMessage {
    static let schema = MessageSchema(name: "google.protobuf.MessageOptions", fields: [
        FieldSchema("map_entry", 7, .bool),
    ])

    var mapEntry = false

    func visitFields<Visitor: ProtoFieldVisitor>(with visitor: inout Visitor) {
        visitor.visitSingular(ProtoBool.self, self.mapEntry, field: 7)
    }

    mutating func merge(from reader: inout ProtoReader) throws(WireError) {
        var ignored = UnknownFields()
        while let tag = try reader.nextTag() {
            switch tag.fieldNumber {
            case 7: self.mapEntry = try reader.read(ProtoBool.self, tag: tag)
            default: try reader.skip(tag: tag, preservingIn: &ignored)
            }
        }
    }
}
