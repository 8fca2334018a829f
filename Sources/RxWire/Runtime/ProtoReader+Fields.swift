/// Field-level reads used by hand-written `merge(from:)` implementations.
///
/// Each checks the wire type against the codec, reads the value, and tags any error
/// with the field number so the enclosing message can name the field.
extension ProtoReader {
    /// Reads one value of a singular field (last occurrence wins, as protobuf requires).
    @inline(__always)
    public mutating func read<Codec: ProtoFieldCodec>(_ codec: Codec.Type, tag: FieldTag) throws(WireError) -> Codec.Value {
        guard tag.wireType == Codec.wireType else {
            throw WireError(
                .wrongWireType(expected: Codec.wireType, actual: tag.wireType),
                at: self.currentFieldStart, fieldNumber: tag.fieldNumber)
        }
        do throws(WireError) {
            return try Codec.read(from: &self)
        } catch {
            throw error.inField(tag.fieldNumber)
        }
    }

    /// Reads a singular message field, merging into the value already decoded for it.
    public mutating func readMessage<Message: ProtoMessage>(
        tag: FieldTag, merging existing: Message?
    ) throws(WireError) -> Message {
        guard tag.wireType == .lengthDelimited else {
            throw WireError(
                .wrongWireType(expected: .lengthDelimited, actual: tag.wireType),
                at: self.currentFieldStart, fieldNumber: tag.fieldNumber)
        }
        var message = existing ?? Message()
        do throws(WireError) {
            try self.readNestedMessage(into: &message)
        } catch {
            throw error.inField(tag.fieldNumber)
        }
        return message
    }

    /// Appends the value(s) of a repeated field: one element, or for packable types a
    /// packed run. Both encodings are accepted whatever the schema declares, as
    /// protobuf requires.
    public mutating func readRepeated<Codec: ProtoFieldCodec>(
        _ codec: Codec.Type, tag: FieldTag, into values: inout [Codec.Value]
    ) throws(WireError) {
        if tag.wireType == Codec.wireType {
            values.append(try self.read(codec, tag: tag))
            return
        }
        guard Codec.isPackable, tag.wireType == .lengthDelimited else {
            throw WireError(
                .wrongWireType(expected: Codec.wireType, actual: tag.wireType),
                at: self.currentFieldStart, fieldNumber: tag.fieldNumber)
        }
        do throws(WireError) {
            let length = try self.readLength()
            if let width = Codec.fixedWidth {
                values.reserveCapacity(values.count + length / width)
            }
            try self.withLimit(length) { (reader: inout ProtoReader) throws(WireError) in
                while !reader.isAtEnd {
                    values.append(try Codec.read(from: &reader))
                }
            }
        } catch {
            throw error.inField(tag.fieldNumber)
        }
    }

    /// Reads one map entry (a sub-message with key = 1, value = 2) into `map`.
    ///
    /// A missing key or value takes its type's default; a repeated key keeps the last value.
    public mutating func readMapEntry<Key: ProtoMapKeyCodec, Value: ProtoFieldCodec>(
        _ key: Key.Type, _ value: Value.Type, tag: FieldTag, into map: inout [Key.Value: Value.Value]
    ) throws(WireError) {
        guard tag.wireType == .lengthDelimited else {
            throw WireError(
                .wrongWireType(expected: .lengthDelimited, actual: tag.wireType),
                at: self.currentFieldStart, fieldNumber: tag.fieldNumber)
        }
        do throws(WireError) {
            let length = try self.readLength()
            let (entryKey, entryValue) = try self.withLimit(length) {
                (reader: inout ProtoReader) throws(WireError) -> (Key.Value, Value.Value) in
                try reader.readMapEntryFields(key, value)
            }
            map[entryKey] = entryValue
        } catch {
            throw error.inField(tag.fieldNumber)
        }
    }

    private mutating func readMapEntryFields<Key: ProtoMapKeyCodec, Value: ProtoFieldCodec>(
        _ key: Key.Type, _ value: Value.Type
    ) throws(WireError) -> (Key.Value, Value.Value) {
        var entryKey = Key.defaultValue
        var entryValue = Value.defaultValue
        var ignored = UnknownFields()
        while true {
            let next: FieldTag?
            do throws(WireError) {
                next = try self.nextTag()
            } catch {
                throw error.within("entry")
            }
            guard let tag = next else { break }
            switch tag.fieldNumber {
            case 1:
                do throws(WireError) {
                    entryKey = try self.read(key, tag: tag)
                } catch {
                    throw error.within("key")
                }
            case 2:
                do throws(WireError) {
                    entryValue = try self.read(value, tag: tag)
                } catch {
                    throw error.within("value")
                }
            default:
                do throws(WireError) {
                    try self.skip(tag: tag, preservingIn: &ignored)
                } catch {
                    throw error.within("entry")
                }
            }
        }
        return (entryKey, entryValue)
    }
}
