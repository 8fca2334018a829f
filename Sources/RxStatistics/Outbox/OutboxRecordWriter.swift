/// Appends the fields of an outbox record: signed integers as zigzag varints, text and bytes behind a
/// varint length. Fields carry no tags — the record's version byte fixes their order (``StatisticsEvent``).
struct OutboxRecordWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 256) { self.bytes.reserveCapacity(capacity) }

    mutating func write(_ value: Int64) {
        var zigzag = UInt64(bitPattern: (value << 1) ^ (value >> 63))
        while zigzag >= 0x80 {
            self.bytes.append(UInt8(truncatingIfNeeded: zigzag) | 0x80)
            zigzag >>= 7
        }
        self.bytes.append(UInt8(zigzag))
    }

    mutating func write(_ value: Int) { self.write(Int64(value)) }

    mutating func write(_ value: [UInt8]) {
        self.write(value.count)
        self.bytes += value
    }

    mutating func write(_ value: String) { self.write(Array(value.utf8)) }

    mutating func write(_ values: [String]) {
        self.write(values.count)
        for value in values { self.write(value) }
    }
}
