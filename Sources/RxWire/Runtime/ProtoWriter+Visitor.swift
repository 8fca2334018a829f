/// The writer as a field visitor: `encode(to:)` is `visitFields(with: &writer)`.
extension ProtoWriter: ProtoFieldVisitor {
    public mutating func visitSingular<Codec: ProtoFieldCodec>(_ codec: Codec.Type, _ value: Codec.Value, field: Int) {
        if !Codec.isDefault(value) {
            self.writeTag(field: field, wireType: Codec.wireType)
            Codec.write(value, to: &self)
        }
    }

    public mutating func visitPresent<Codec: ProtoFieldCodec>(_ codec: Codec.Type, _ value: Codec.Value, field: Int) {
        self.writeTag(field: field, wireType: Codec.wireType)
        Codec.write(value, to: &self)
    }

    public mutating func visitRepeated<Codec: ProtoFieldCodec>(
        _ codec: Codec.Type, _ values: [Codec.Value], field: Int, packed: Bool
    ) {
        guard !values.isEmpty else { return }
        if packed, Codec.isPackable {
            self.writeTag(field: field, wireType: .lengthDelimited)
            self.writeVarint(UInt64(ProtoSizer.packedPayloadSize(codec, values)))
            for value in values { Codec.write(value, to: &self) }
        } else {
            for value in values {
                self.writeTag(field: field, wireType: Codec.wireType)
                Codec.write(value, to: &self)
            }
        }
    }

    public mutating func visitMap<Key: ProtoMapKeyCodec, Value: ProtoFieldCodec>(
        _ key: Key.Type, _ value: Value.Type, _ map: [Key.Value: Value.Value], field: Int
    ) {
        let entries = map.sorted { Key.precedes($0.key, $1.key) }
        for (entryKey, entryValue) in entries {
            self.writeTag(field: field, wireType: .lengthDelimited)
            self.writeVarint(UInt64(ProtoSizer.mapEntrySize(key, value, entryKey, entryValue)))
            self.writeTag(field: 1, wireType: Key.wireType)
            Key.write(entryKey, to: &self)
            self.writeTag(field: 2, wireType: Value.wireType)
            Value.write(entryValue, to: &self)
        }
    }

    public mutating func visitUnknown(_ fields: UnknownFields) {
        self.writeRawBytes(fields.bytes)
    }
}
