import RxWire

/// One scalar as the filler encodes it: the bytes after the tag, and enough to sort
/// map keys and recognise proto3 defaults.
struct ScalarValue: Equatable {
    enum Order: Equatable {
        case signed(Int64)
        case unsigned(UInt64)
        case bytes([UInt8])
    }

    let wireType: UInt8
    let payload: [UInt8]
    let isDefault: Bool
    let order: Order

    func precedes(_ other: ScalarValue) -> Bool {
        switch (self.order, other.order) {
        case (.signed(let lhs), .signed(let rhs)): lhs < rhs
        case (.unsigned(let lhs), .unsigned(let rhs)): lhs < rhs
        case (.bytes(let lhs), .bytes(let rhs)): lhs.lexicographicallyPrecedes(rhs)
        default: false
        }
    }
}

extension WireBuilder {
    mutating func append(_ value: ScalarValue) {
        self.appendRaw(value.payload)
    }
}

extension SchemaFiller {
    private static let words = ["", "a", "thuốc", "Nguyễn Văn An", "Đà Nẵng", "ấ", "\u{1F48A}", "x y z", "79088k3f9a2q-C"]

    /// A value of `type`; in `.everyField` mode never the default.
    mutating func scalar(_ type: FieldType) -> ScalarValue {
        let nonDefault: Bool
        if case .everyField = self.mode { nonDefault = true } else { nonDefault = false }
        switch type {
        case .int32, .enumeration:
            let value = self.integer(nonDefault) { Int32(truncatingIfNeeded: $0) }
            return Self.varint(UInt64(bitPattern: Int64(value)), signed: Int64(value))
        case .int64:
            let value = self.integer(nonDefault) { Int64(bitPattern: $0) }
            return Self.varint(UInt64(bitPattern: value), signed: value)
        case .uint32:
            let value = self.integer(nonDefault) { UInt32(truncatingIfNeeded: $0) }
            return Self.varint(UInt64(value), unsigned: UInt64(value))
        case .uint64:
            let value = self.integer(nonDefault) { $0 }
            return Self.varint(value, unsigned: value)
        case .sint32:
            let value = self.integer(nonDefault) { Int32(truncatingIfNeeded: $0) }
            return Self.varint(UInt64(UInt32(bitPattern: (value << 1) ^ (value >> 31))), signed: Int64(value))
        case .sint64:
            let value = self.integer(nonDefault) { Int64(bitPattern: $0) }
            return Self.varint(UInt64(bitPattern: (value << 1) ^ (value >> 63)), signed: value)
        case .bool:
            let value = nonDefault || Bool.random(using: &self.generator)
            return Self.varint(value ? 1 : 0, unsigned: value ? 1 : 0)
        case .fixed32, .sfixed32, .float:
            var value = UInt32(truncatingIfNeeded: self.integer(nonDefault) { $0 })
            if type == .float { value = Float(Int32(truncatingIfNeeded: value) % 100_000).bitPattern | (nonDefault ? 0x8000_0000 : 0) }
            let signed = type == .sfixed32 ? Int64(Int32(bitPattern: value)) : Int64(value)
            return ScalarValue(wireType: 5, payload: Self.littleEndian(UInt64(value), count: 4), isDefault: value == 0,
                               order: type == .sfixed32 ? .signed(signed) : .unsigned(UInt64(value)))
        case .fixed64, .sfixed64, .double:
            var value = self.integer(nonDefault) { $0 }
            if type == .double { value = Double(Int64(bitPattern: value) % 1_000_000).bitPattern | (nonDefault ? 1 << 63 : 0) }
            return ScalarValue(wireType: 1, payload: Self.littleEndian(value, count: 8), isDefault: value == 0,
                               order: type == .sfixed64 ? .signed(Int64(bitPattern: value)) : .unsigned(value))
        case .string, .bytes:
            var word = Self.words.randomElement(using: &self.generator) ?? ""
            if nonDefault, word.isEmpty { word = "không rỗng" }
            let bytes = Array(word.utf8)
            return ScalarValue(wireType: 2, payload: WireBuilder.varint(UInt64(bytes.count)) + bytes,
                               isDefault: bytes.isEmpty, order: .bytes(bytes))
        case .message, .map:
            preconditionFailure("not a scalar: \(type)")
        }
    }

    /// Mixes edge values (0, ±1, extremes) with random ones.
    private mutating func integer<Value: FixedWidthInteger>(_ nonDefault: Bool, _ make: (UInt64) -> Value) -> Value {
        let raw: UInt64
        switch Int.random(in: 0..<6, using: &self.generator) {
        case 0: raw = 0
        case 1: raw = 1
        case 2: raw = UInt64.max
        case 3: raw = UInt64(Value.max)
        case 4: raw = UInt64(truncatingIfNeeded: Value.min)
        default: raw = self.generator.next() >> UInt64.random(in: 0..<64, using: &self.generator)
        }
        let value = make(raw)
        return nonDefault && value == 0 ? make(300) : value
    }

    private static func varint(_ value: UInt64, signed: Int64) -> ScalarValue {
        ScalarValue(wireType: 0, payload: WireBuilder.varint(value), isDefault: value == 0, order: .signed(signed))
    }

    private static func varint(_ value: UInt64, unsigned: UInt64) -> ScalarValue {
        ScalarValue(wireType: 0, payload: WireBuilder.varint(value), isDefault: value == 0, order: .unsigned(unsigned))
    }

    private static func littleEndian(_ value: UInt64, count: Int) -> [UInt8] {
        (0..<count).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
    }
}
