/// A minimal PNG encoder: 8-bit greyscale, zlib "stored" (uncompressed) blocks, so no compression
/// library is needed; QR images are small enough that size does not matter.
enum PNGWriter {
    static func grayscale(width: Int, rows: [[UInt8]]) -> [UInt8] {
        var raw: [UInt8] = []
        raw.reserveCapacity(rows.count * (width + 1))
        for row in rows {
            raw.append(0)  // filter: none
            raw.append(contentsOf: row)
        }
        var header: [UInt8] = []
        Self.appendBigEndian(UInt32(width), to: &header)
        Self.appendBigEndian(UInt32(rows.count), to: &header)
        header += [8, 0, 0, 0, 0]  // bit depth 8, greyscale, deflate, adaptive filters, no interlace
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        Self.appendChunk("IHDR", header, to: &png)
        Self.appendChunk("IDAT", Self.zlibStored(raw), to: &png)
        Self.appendChunk("IEND", [], to: &png)
        return png
    }

    /// A zlib stream of stored deflate blocks (at most 65 535 bytes each) and the Adler-32 trailer.
    static func zlibStored(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x78, 0x01]
        var offset = 0
        repeat {
            let count = min(65_535, data.count - offset)
            let final: UInt8 = offset + count == data.count ? 1 : 0
            out.append(final)
            out += [UInt8(count & 0xFF), UInt8(count >> 8), UInt8(~count & 0xFF), UInt8((~count >> 8) & 0xFF)]
            out += data[offset..<offset + count]
            offset += count
        } while offset < data.count
        Self.appendBigEndian(Self.adler32(data), to: &out)
        return out
    }

    static func adler32(_ data: [UInt8]) -> UInt32 {
        var a: UInt32 = 1
        var b: UInt32 = 0
        for byte in data {
            a = (a + UInt32(byte)) % 65_521
            b = (b + a) % 65_521
        }
        return b << 16 | a
    }

    static func crc32(_ data: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }

    private static func appendChunk(_ type: String, _ data: [UInt8], to png: inout [UInt8]) {
        Self.appendBigEndian(UInt32(data.count), to: &png)
        let typed = Array(type.utf8) + data
        png += typed
        Self.appendBigEndian(Self.crc32(typed), to: &png)
    }

    private static func appendBigEndian(_ value: UInt32, to bytes: inout [UInt8]) {
        bytes += [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)]
    }
}
