import RxWire

/// Lists which schema fields are present in encoded bytes, walking nested messages
/// and map values by the schema. Its wire parsing is its own, separate from
/// `ProtoReader`, and it trusts its input (bytes our encoder produced).
enum SchemaFieldCoverage {
    struct Malformed: Error {}

    /// "message.field" for every field present, e.g. "rx.v1.Patient.full_name".
    static func fieldsPresent(in bytes: [UInt8], schema: MessageSchema) throws -> Set<String> {
        var found: Set<String> = []
        try self.walk(bytes[...], schema: schema, into: &found)
        return found
    }

    private static func walk(_ bytes: ArraySlice<UInt8>, schema: MessageSchema, into found: inout Set<String>) throws {
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let key = try self.varint(bytes, &index)
            let number = Int(key >> 3)
            let payload: ArraySlice<UInt8>
            switch key & 7 {
            case 0: _ = try self.varint(bytes, &index); payload = []
            case 1: index += 8; payload = []
            case 5: index += 4; payload = []
            case 2:
                let length = Int(try self.varint(bytes, &index))
                guard index + length <= bytes.endIndex else { throw Malformed() }
                payload = bytes[index..<index + length]
                index += length
            default: throw Malformed()
            }
            guard let field = schema.field(number: number) else { continue }
            found.insert("\(schema.name).\(field.name)")
            switch field.type {
            case .message(let name):
                if let nested = ProtoSchema.messageType(named: name) {
                    try self.walk(payload, schema: nested.schema, into: &found)
                }
            case .map(_, .message(let name)):
                if let nested = ProtoSchema.messageType(named: name) {
                    try self.walkMapValue(payload, schema: nested.schema, into: &found)
                }
            default: break
            }
        }
    }

    private static func walkMapValue(_ entry: ArraySlice<UInt8>, schema: MessageSchema, into found: inout Set<String>) throws {
        var index = entry.startIndex
        while index < entry.endIndex {
            let key = try self.varint(entry, &index)
            switch key & 7 {
            case 0: _ = try self.varint(entry, &index)
            case 2:
                let length = Int(try self.varint(entry, &index))
                if key >> 3 == 2 { try self.walk(entry[index..<index + length], schema: schema, into: &found) }
                index += length
            default: throw Malformed()
            }
        }
    }

    private static func varint(_ bytes: ArraySlice<UInt8>, _ index: inout Int) throws -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while index < bytes.endIndex, shift < 64 {
            let byte = bytes[index]
            index += 1
            result |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return result }
            shift += 7
        }
        throw Malformed()
    }
}
