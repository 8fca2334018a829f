import RxWire

/// Produces canonical encodings of messages straight from their `MessageSchema`,
/// without the hand-written codecs: what the codec must accept and re-encode
/// byte for byte if it implements exactly the fields the schema lists.
///
/// Canonical means what a deterministic encoder writes: field-number order, proto3
/// defaults of singular fields left out, packed runs for `.packed`, map entries in key
/// order with both key and value, and at most one member per oneof.
struct SchemaFiller {
    enum Mode {
        /// Every field gets a non-default value; the oneof member is chosen by `oneofChoice`.
        case everyField(oneofChoice: Int)
        /// Each field is present with probability 1/2, with random (possibly default) values.
        case random
    }

    var generator: SeededGenerator
    let mode: Mode
    /// Below this depth, recursive message fields are left empty.
    let maxDepth = 3

    mutating func message(_ schema: MessageSchema, depth: Int = 0) -> [UInt8] {
        var out = WireBuilder()
        let chosenMembers = self.chooseOneofMembers(schema)
        for field in schema.fields {
            if let oneof = field.oneof {
                guard chosenMembers[oneof] == field.number else { continue }
                self.present(field, into: &out, depth: depth)
                continue
            }
            if case .random = self.mode, Bool.random(using: &self.generator) { continue }
            switch field.cardinality {
            case .singular:
                if case .message = field.type {
                    self.present(field, into: &out, depth: depth)
                } else {
                    let value = self.scalar(field.type)
                    if !value.isDefault { Self.write(value, field: field.number, into: &out) }
                }
            case .optional:
                self.present(field, into: &out, depth: depth)
            case .repeated, .packed:
                self.repeated(field, into: &out, depth: depth)
            }
        }
        return out.bytes
    }

    private mutating func chooseOneofMembers(_ schema: MessageSchema) -> [String: Int] {
        var chosen: [String: Int] = [:]
        for (index, oneof) in schema.oneofNames.enumerated() {
            let members = schema.fields.filter { $0.oneof == oneof }
            switch self.mode {
            case .everyField(let choice): chosen[oneof] = members[(choice + index) % members.count].number
            case .random:
                if Bool.random(using: &self.generator) { chosen[oneof] = members.randomElement(using: &self.generator)?.number }
            }
        }
        return chosen
    }

    /// A field with presence: written even when its value is the default.
    private mutating func present(_ field: FieldSchema, into out: inout WireBuilder, depth: Int) {
        if case .message(let name) = field.type {
            out.lengthDelimited(field.number, self.nestedMessage(name, depth: depth))
        } else {
            Self.write(self.scalar(field.type), field: field.number, into: &out)
        }
    }

    private mutating func repeated(_ field: FieldSchema, into out: inout WireBuilder, depth: Int) {
        let count: Int
        switch self.mode {
        case .everyField: count = 2
        case .random: count = Int.random(in: 0...4, using: &self.generator)
        }
        switch field.type {
        case .map(let keyType, let valueType):
            var entries: [(key: ScalarValue, entry: [UInt8])] = []
            for _ in 0..<count {
                let key = self.scalar(keyType)
                guard !entries.contains(where: { $0.key == key }) else { continue }
                var entry = WireBuilder()
                Self.write(key, field: 1, into: &entry)
                if case .message(let name) = valueType {
                    entry.lengthDelimited(2, self.nestedMessage(name, depth: depth))
                } else {
                    Self.write(self.scalar(valueType), field: 2, into: &entry)
                }
                entries.append((key, entry.bytes))
            }
            for item in entries.sorted(by: { $0.key.precedes($1.key) }) {
                out.lengthDelimited(field.number, item.entry)
            }
        case .message(let name):
            guard depth < self.maxDepth else { return }
            for _ in 0..<count { out.lengthDelimited(field.number, self.nestedMessage(name, depth: depth)) }
        default:
            let values = (0..<count).map { _ in self.scalar(field.type) }
            if field.cardinality == .packed, !values.isEmpty {
                var run = WireBuilder()
                for value in values { run.append(value) }
                out.lengthDelimited(field.number, run.bytes)
            } else {
                for value in values { Self.write(value, field: field.number, into: &out) }
            }
        }
    }

    private mutating func nestedMessage(_ name: String, depth: Int) -> [UInt8] {
        guard let type = ProtoSchema.messageType(named: name), depth < self.maxDepth else { return [] }
        return self.message(type.schema, depth: depth + 1)
    }

    private static func write(_ value: ScalarValue, field: Int, into out: inout WireBuilder) {
        out.tag(field, value.wireType)
        out.append(value)
    }
}
