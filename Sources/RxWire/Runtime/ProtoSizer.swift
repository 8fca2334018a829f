/// Computes a message's encoded size by visiting its fields.
///
/// Sizing a message sizes each sub-message, and writing a sub-message's length
/// prefix sizes it again, so a value at depth d is sized d + 1 times: O(n · depth)
/// in total, which is acceptable for the depth limit of 64 and avoids caching
/// sizes inside immutable value types.
public struct ProtoSizer: ProtoFieldVisitor {
    /// Bytes counted so far.
    public private(set) var size = 0

    public init() {}

    public mutating func visitSingular<Codec: ProtoFieldCodec>(_ codec: Codec.Type, _ value: Codec.Value, field: Int) {
        if !Codec.isDefault(value) {
            self.size += Varint.tagSize(field) + Codec.encodedSize(of: value)
        }
    }

    public mutating func visitPresent<Codec: ProtoFieldCodec>(_ codec: Codec.Type, _ value: Codec.Value, field: Int) {
        self.size += Varint.tagSize(field) + Codec.encodedSize(of: value)
    }

    public mutating func visitRepeated<Codec: ProtoFieldCodec>(
        _ codec: Codec.Type, _ values: [Codec.Value], field: Int, packed: Bool
    ) {
        guard !values.isEmpty else { return }
        if packed, Codec.isPackable {
            let payload = Self.packedPayloadSize(codec, values)
            self.size += Varint.tagSize(field) + Varint.size(UInt64(payload)) + payload
        } else {
            self.size += values.count * Varint.tagSize(field)
            for value in values { self.size += Codec.encodedSize(of: value) }
        }
    }

    public mutating func visitMap<Key: ProtoMapKeyCodec, Value: ProtoFieldCodec>(
        _ key: Key.Type, _ value: Value.Type, _ map: [Key.Value: Value.Value], field: Int
    ) {
        let tagSize = Varint.tagSize(field)
        for (entryKey, entryValue) in map {
            let entry = Self.mapEntrySize(key, value, entryKey, entryValue)
            self.size += tagSize + Varint.size(UInt64(entry)) + entry
        }
    }

    public mutating func visitUnknown(_ fields: UnknownFields) {
        self.size += fields.bytes.count
    }

    /// Payload bytes of a packed run (without tag and length prefix).
    static func packedPayloadSize<Codec: ProtoFieldCodec>(_ codec: Codec.Type, _ values: [Codec.Value]) -> Int {
        if let width = Codec.fixedWidth { return width * values.count }
        var payload = 0
        for value in values { payload += Codec.encodedSize(of: value) }
        return payload
    }

    /// Bytes of a map entry's body: key (field 1) and value (field 2), both always written.
    static func mapEntrySize<Key: ProtoMapKeyCodec, Value: ProtoFieldCodec>(
        _ key: Key.Type, _ value: Value.Type, _ entryKey: Key.Value, _ entryValue: Value.Value
    ) -> Int {
        2 + Key.encodedSize(of: entryKey) + Value.encodedSize(of: entryValue)
    }
}
