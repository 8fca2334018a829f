import RxWire

/// `google.protobuf.FieldDescriptorProto`. `label` and `type` keep descriptor.proto's
/// numbering (LABEL_REPEATED = 3, TYPE_MESSAGE = 11, ...).
struct FieldDescriptorProto: ProtoMessage {
    static let schema = MessageSchema(name: "google.protobuf.FieldDescriptorProto", fields: [
        FieldSchema("name", 1, .string),
        FieldSchema("number", 3, .int32),
        FieldSchema("label", 4, .int32),
        FieldSchema("type", 5, .int32),
        FieldSchema("type_name", 6, .string),
        FieldSchema("options", 8, .message(FieldOptions.schema.name)),
        FieldSchema("oneof_index", 9, .int32, .optional),
        FieldSchema("proto3_optional", 17, .bool),
    ])

    var name = ""
    var number: Int32 = 0
    var label: Int32 = 0
    var type: Int32 = 0
    /// Fully qualified with a leading dot, e.g. ".rx.v1.CivilDate".
    var typeName = ""
    var options: FieldOptions?
    var oneofIndex: Int32?
    var proto3Optional = false

    func visitFields<Visitor: ProtoFieldVisitor>(with visitor: inout Visitor) {
        visitor.visitSingular(ProtoString.self, self.name, field: 1)
        visitor.visitSingular(ProtoInt32.self, self.number, field: 3)
        visitor.visitSingular(ProtoInt32.self, self.label, field: 4)
        visitor.visitSingular(ProtoInt32.self, self.type, field: 5)
        visitor.visitSingular(ProtoString.self, self.typeName, field: 6)
        visitor.visitMessage(self.options, field: 8)
        visitor.visitOptional(ProtoInt32.self, self.oneofIndex, field: 9)
        visitor.visitSingular(ProtoBool.self, self.proto3Optional, field: 17)
    }

    mutating func merge(from reader: inout ProtoReader) throws(WireError) {
        var ignored = UnknownFields()
        while let tag = try reader.nextTag() {
            switch tag.fieldNumber {
            case 1: self.name = try reader.read(ProtoString.self, tag: tag)
            case 3: self.number = try reader.read(ProtoInt32.self, tag: tag)
            case 4: self.label = try reader.read(ProtoInt32.self, tag: tag)
            case 5: self.type = try reader.read(ProtoInt32.self, tag: tag)
            case 6: self.typeName = try reader.read(ProtoString.self, tag: tag)
            case 8: self.options = try reader.readMessage(tag: tag, merging: self.options)
            case 9: self.oneofIndex = try reader.read(ProtoInt32.self, tag: tag)
            case 17: self.proto3Optional = try reader.read(ProtoBool.self, tag: tag)
            default: try reader.skip(tag: tag, preservingIn: &ignored)
            }
        }
    }
}
