/// Percent-encoding of the `grpc-message` trailer, as the gRPC over HTTP/2 spec defines it:
/// UTF-8 bytes outside `0x20...0x7E`, and `%` itself, become `%XX`. A leading or trailing space
/// is encoded too, because HTTP/2 forbids header values that start or end with whitespace and
/// strict clients drop the whole response over it.
public enum GRPCStatusMessage {
    public static func encode(_ message: String) -> String {
        let bytes = Array(message.utf8)
        func mustEncode(_ index: Int) -> Bool {
            let byte = bytes[index]
            if byte < 0x20 || byte > 0x7E || byte == UInt8(ascii: "%") { return true }
            return byte == UInt8(ascii: " ") && (index == 0 || index == bytes.count - 1)
        }
        guard bytes.indices.contains(where: mustEncode) else { return message }
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 3)
        for (index, byte) in bytes.enumerated() {
            if mustEncode(index) {
                out.append(UInt8(ascii: "%"))
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0x0F)])
            } else {
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Decodes a received `grpc-message`; malformed escapes are kept verbatim, as the spec asks.
    public static func decode(_ encoded: String) -> String {
        let bytes = Array(encoded.utf8)
        guard bytes.contains(UInt8(ascii: "%")) else { return encoded }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "%"), index + 2 < bytes.count,
                let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2])
            {
                out.append(high << 4 | low)
                index += 3
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
