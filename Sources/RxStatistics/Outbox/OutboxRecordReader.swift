/// Reads what ``OutboxRecordWriter`` wrote, checking every length against the bytes left, so a damaged
/// record fails with a reason instead of trapping or allocating what its lengths claim.
struct OutboxRecordReader {
    private let bytes: [UInt8]
    private var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var isAtEnd: Bool { self.offset == self.bytes.count }

    mutating func readInt64() throws(StatisticsEventError) -> Int64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard self.offset < self.bytes.count else { throw .malformed("record ends inside a number") }
            guard shift < 64 else { throw .malformed("number longer than 10 bytes") }
            let byte = self.bytes[self.offset]
            self.offset += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { break }
            shift += 7
        }
        return Int64(bitPattern: value >> 1) ^ -Int64(bitPattern: value & 1)
    }

    /// A count or length: not negative, and not more than the bytes left could hold.
    mutating func readCount() throws(StatisticsEventError) -> Int {
        let count = try self.readInt64()
        guard count >= 0, count <= Int64(self.bytes.count - self.offset) else {
            throw .malformed("count \(count) with \(self.bytes.count - self.offset) bytes left")
        }
        return Int(count)
    }

    mutating func readBytes() throws(StatisticsEventError) -> [UInt8] {
        let count = try self.readCount()
        defer { self.offset += count }
        return Array(self.bytes[self.offset..<self.offset + count])
    }

    mutating func readString() throws(StatisticsEventError) -> String {
        let bytes = try self.readBytes()
        guard let string = String(validating: bytes, as: UTF8.self) else { throw .malformed("text is not UTF-8") }
        return string
    }

    mutating func readStrings() throws(StatisticsEventError) -> [String] {
        let count = try self.readCount()
        var strings: [String] = []
        strings.reserveCapacity(count)
        for _ in 0..<count { strings.append(try self.readString()) }
        return strings
    }
}
