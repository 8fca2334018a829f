/// 64-bit FNV-1a: a cheap, stable digest for snapshot versions and page tokens (not for security).
struct FNV1a {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    /// Adds one field: its bytes, then a separator.
    mutating func add(_ text: String) {
        self.addPart(text)
        self.endField()
    }

    /// Adds bytes of a field built from parts, without the separator: `addPart("a"); addPart("b");
    /// endField()` digests exactly as `add("ab")`, with no joined string built.
    mutating func addPart(_ text: String) {
        var text = text
        var value = self.value
        text.withUTF8 { bytes in
            for byte in bytes {
                value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            }
        }
        self.value = value
    }

    /// Adds the decimal text of `value` (as `String(value)` writes it, its digits padded with leading
    /// zeros to `minimumDigits`) without building that string.
    mutating func addDecimal(_ value: Int64, minimumDigits: Int = 1) {
        if value < 0 {
            self.addByte(UInt8(ascii: "-"))
        }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var magnitude = value.magnitude
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0 || count < minimumDigits
            for index in stride(from: count - 1, through: 0, by: -1) {
                self.addByte(buffer[index])
            }
        }
    }

    mutating func addByte(_ byte: UInt8) {
        self.value = (self.value ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
    }

    /// Ends a field: a separator no text contains, so ("ab", "c") and ("a", "bc") differ.
    mutating func endField() {
        self.value = (self.value ^ 0xFF) &* 0x0000_0100_0000_01B3
    }

    static func digest(_ text: String) -> UInt64 {
        var hasher = FNV1a()
        hasher.add(text)
        return hasher.value
    }
}
