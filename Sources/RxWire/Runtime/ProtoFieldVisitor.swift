/// Receives a message's fields in field-number order.
///
/// Each message implements one `visitFields(with:)`; the same traversal drives both
/// `ProtoSizer` (how many bytes) and `ProtoWriter` (the bytes), so size and output
/// cannot disagree, and the generic calls are specialised per message in release
/// builds.
public protocol ProtoFieldVisitor {
    /// A proto3 field without presence: nothing is written when it holds the default.
    mutating func visitSingular<Codec: ProtoFieldCodec>(_ codec: Codec.Type, _ value: Codec.Value, field: Int)
    /// A field with presence (proto3 `optional`, a oneof member, a message): always written.
    mutating func visitPresent<Codec: ProtoFieldCodec>(_ codec: Codec.Type, _ value: Codec.Value, field: Int)
    /// A repeated field; `packed` selects one length-delimited run for packable types.
    mutating func visitRepeated<Codec: ProtoFieldCodec>(
        _ codec: Codec.Type, _ values: [Codec.Value], field: Int, packed: Bool)
    /// A map field, written as entries in ascending key order (`ProtoMapKeyCodec.precedes`).
    mutating func visitMap<Key: ProtoMapKeyCodec, Value: ProtoFieldCodec>(
        _ key: Key.Type, _ value: Value.Type, _ map: [Key.Value: Value.Value], field: Int)
    /// Unknown fields kept from decoding, written last.
    mutating func visitUnknown(_ fields: UnknownFields)
}

extension ProtoFieldVisitor {
    /// A field with explicit presence held in a Swift optional.
    @inline(__always)
    public mutating func visitOptional<Codec: ProtoFieldCodec>(_ codec: Codec.Type, _ value: Codec.Value?, field: Int) {
        if let value { self.visitPresent(codec, value, field: field) }
    }

    /// A singular message field; nil means absent.
    @inline(__always)
    public mutating func visitMessage<Message: ProtoMessage>(_ message: Message?, field: Int) {
        if let message { self.visitPresent(ProtoMessageCodec<Message>.self, message, field: field) }
    }

    /// A repeated message field.
    @inline(__always)
    public mutating func visitMessages<Message: ProtoMessage>(_ messages: [Message], field: Int) {
        self.visitRepeated(ProtoMessageCodec<Message>.self, messages, field: field, packed: false)
    }
}
