/// Varint and zigzag arithmetic shared by the reader, the writer and the sizer.
enum Varint {
    /// Bytes needed to encode `value` as a varint (1...10).
    @inline(__always)
    static func size(_ value: UInt64) -> Int {
        let significantBits = 64 - (value | 1).leadingZeroBitCount
        return (significantBits + 6) / 7
    }

    /// Bytes for a field tag with this number.
    @inline(__always)
    static func tagSize(_ fieldNumber: Int) -> Int {
        self.size(UInt64(fieldNumber) << 3)
    }

    /// int32 and enum values are sign-extended to 64 bits, so negative ones take 10 bytes.
    @inline(__always)
    static func signExtended(_ value: Int32) -> UInt64 {
        UInt64(bitPattern: Int64(value))
    }

    @inline(__always)
    static func zigZag(_ value: Int32) -> UInt32 {
        UInt32(bitPattern: (value << 1) ^ (value >> 31))
    }

    @inline(__always)
    static func zigZag(_ value: Int64) -> UInt64 {
        UInt64(bitPattern: (value << 1) ^ (value >> 63))
    }

    @inline(__always)
    static func unZigZag(_ value: UInt32) -> Int32 {
        Int32(bitPattern: value >> 1) ^ -Int32(bitPattern: value & 1)
    }

    @inline(__always)
    static func unZigZag(_ value: UInt64) -> Int64 {
        Int64(bitPattern: value >> 1) ^ -Int64(bitPattern: value & 1)
    }
}
