extension WireSample {
    public func visitFields<Visitor: ProtoFieldVisitor>(with visitor: inout Visitor) {
        visitor.visitSingular(ProtoInt32.self, self.int32Value, field: 1)
        visitor.visitSingular(ProtoInt64.self, self.int64Value, field: 2)
        visitor.visitSingular(ProtoUInt32.self, self.uint32Value, field: 3)
        visitor.visitSingular(ProtoUInt64.self, self.uint64Value, field: 4)
        visitor.visitSingular(ProtoSInt32.self, self.sint32Value, field: 5)
        visitor.visitSingular(ProtoSInt64.self, self.sint64Value, field: 6)
        visitor.visitSingular(ProtoFixed32.self, self.fixed32Value, field: 7)
        visitor.visitSingular(ProtoFixed64.self, self.fixed64Value, field: 8)
        visitor.visitSingular(ProtoSFixed32.self, self.sfixed32Value, field: 9)
        visitor.visitSingular(ProtoSFixed64.self, self.sfixed64Value, field: 10)
        visitor.visitSingular(ProtoFloat.self, self.floatValue, field: 11)
        visitor.visitSingular(ProtoDouble.self, self.doubleValue, field: 12)
        visitor.visitSingular(ProtoBool.self, self.boolValue, field: 13)
        visitor.visitSingular(ProtoString.self, self.stringValue, field: 14)
        visitor.visitSingular(ProtoBytes.self, self.bytesValue, field: 15)
        visitor.visitSingular(ProtoEnumCodec<SampleKind>.self, self.kind, field: 16)
        visitor.visitMessage(self.nested, field: 17)
        visitor.visitRepeated(ProtoInt32.self, self.packedInt32, field: 18, packed: true)
        visitor.visitRepeated(ProtoSInt64.self, self.packedSint64, field: 19, packed: true)
        visitor.visitRepeated(ProtoDouble.self, self.packedDouble, field: 20, packed: true)
        visitor.visitRepeated(ProtoString.self, self.tags, field: 21, packed: false)
        visitor.visitMessages(self.children, field: 22)
        visitor.visitMap(ProtoString.self, ProtoInt64.self, self.counters, field: 23)
        visitor.visitMap(ProtoInt32.self, ProtoMessageCodec<Nested>.self, self.nestedByID, field: 24)
        switch self.choice {
        case .choiceText(let text): visitor.visitPresent(ProtoString.self, text, field: 25)
        case .choiceNumber(let number): visitor.visitPresent(ProtoInt64.self, number, field: 26)
        case .choiceNested(let nested): visitor.visitMessage(nested, field: 27)
        case nil: break
        }
        visitor.visitOptional(ProtoInt32.self, self.optionalInt32, field: 28)
        visitor.visitRepeated(ProtoEnumCodec<SampleKind>.self, self.kinds, field: 29, packed: true)
        visitor.visitRepeated(ProtoUInt32.self, self.unpackedUint32, field: 30, packed: false)
        visitor.visitRepeated(ProtoFixed32.self, self.packedFixed32, field: 31, packed: true)
        visitor.visitRepeated(ProtoBytes.self, self.blobs, field: 32, packed: false)
        visitor.visitOptional(ProtoString.self, self.optionalString, field: 33)
        visitor.visitSingular(ProtoFixed64.self, self.maxFieldNumber, field: FieldTag.maxFieldNumber)
        visitor.visitUnknown(self.unknownFields)
    }

    public mutating func merge(from reader: inout ProtoReader) throws(WireError) {
        while let tag = try reader.nextTag() {
            switch tag.fieldNumber {
            case 1: self.int32Value = try reader.read(ProtoInt32.self, tag: tag)
            case 2: self.int64Value = try reader.read(ProtoInt64.self, tag: tag)
            case 3: self.uint32Value = try reader.read(ProtoUInt32.self, tag: tag)
            case 4: self.uint64Value = try reader.read(ProtoUInt64.self, tag: tag)
            case 5: self.sint32Value = try reader.read(ProtoSInt32.self, tag: tag)
            case 6: self.sint64Value = try reader.read(ProtoSInt64.self, tag: tag)
            case 7: self.fixed32Value = try reader.read(ProtoFixed32.self, tag: tag)
            case 8: self.fixed64Value = try reader.read(ProtoFixed64.self, tag: tag)
            case 9: self.sfixed32Value = try reader.read(ProtoSFixed32.self, tag: tag)
            case 10: self.sfixed64Value = try reader.read(ProtoSFixed64.self, tag: tag)
            case 11: self.floatValue = try reader.read(ProtoFloat.self, tag: tag)
            case 12: self.doubleValue = try reader.read(ProtoDouble.self, tag: tag)
            case 13: self.boolValue = try reader.read(ProtoBool.self, tag: tag)
            case 14: self.stringValue = try reader.read(ProtoString.self, tag: tag)
            case 15: self.bytesValue = try reader.read(ProtoBytes.self, tag: tag)
            case 16: self.kind = try reader.read(ProtoEnumCodec<SampleKind>.self, tag: tag)
            case 17: self.nested = try reader.readMessage(tag: tag, merging: self.nested)
            case 18: try reader.readRepeated(ProtoInt32.self, tag: tag, into: &self.packedInt32)
            case 19: try reader.readRepeated(ProtoSInt64.self, tag: tag, into: &self.packedSint64)
            case 20: try reader.readRepeated(ProtoDouble.self, tag: tag, into: &self.packedDouble)
            case 21: try reader.readRepeated(ProtoString.self, tag: tag, into: &self.tags)
            case 22: try reader.readRepeated(ProtoMessageCodec<Nested>.self, tag: tag, into: &self.children)
            case 23: try reader.readMapEntry(ProtoString.self, ProtoInt64.self, tag: tag, into: &self.counters)
            case 24:
                try reader.readMapEntry(
                    ProtoInt32.self, ProtoMessageCodec<Nested>.self, tag: tag, into: &self.nestedByID)
            case 25: self.choice = .choiceText(try reader.read(ProtoString.self, tag: tag))
            case 26: self.choice = .choiceNumber(try reader.read(ProtoInt64.self, tag: tag))
            case 27:
                var existing: Nested?
                if case .choiceNested(let nested) = self.choice { existing = nested }
                self.choice = .choiceNested(try reader.readMessage(tag: tag, merging: existing))
            case 28: self.optionalInt32 = try reader.read(ProtoInt32.self, tag: tag)
            case 29: try reader.readRepeated(ProtoEnumCodec<SampleKind>.self, tag: tag, into: &self.kinds)
            case 30: try reader.readRepeated(ProtoUInt32.self, tag: tag, into: &self.unpackedUint32)
            case 31: try reader.readRepeated(ProtoFixed32.self, tag: tag, into: &self.packedFixed32)
            case 32: try reader.readRepeated(ProtoBytes.self, tag: tag, into: &self.blobs)
            case 33: self.optionalString = try reader.read(ProtoString.self, tag: tag)
            case FieldTag.maxFieldNumber: self.maxFieldNumber = try reader.read(ProtoFixed64.self, tag: tag)
            default: try reader.skip(tag: tag, preservingIn: &self.unknownFields)
            }
        }
    }
}
