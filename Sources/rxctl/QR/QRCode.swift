/// A QR code (ISO/IEC 18004) holding bytes, at error-correction level M, version 1–4.
///
/// Enough for prescription codes (14 characters fit version 1): patients carry the code to the
/// pharmacy as a picture, and level M still reads with 15 % of the symbol damaged or smudged.
struct QRCode {
    /// Input longer than version 4 at level M holds (62 bytes).
    struct TooLong: Error, CustomStringConvertible {
        let byteCount: Int
        var description: String { "\(self.byteCount) bytes do not fit a version 1–4 QR code (at most 62 at level M)" }
    }

    /// Per version (index 0 = version 1), level M: total codewords, error-correction codewords per
    /// block, blocks. All four versions have blocks of equal length.
    private static let layouts: [(total: Int, eccPerBlock: Int, blocks: Int)] = [
        (26, 10, 1), (44, 16, 1), (70, 26, 1), (100, 18, 2),
    ]

    let version: Int
    let size: Int
    /// `modules[y][x]`, true = dark.
    var modules: [[Bool]]
    var isFunctionModule: [[Bool]]
    var mask = 0

    init(bytes: [UInt8]) throws(TooLong) {
        guard let index = Self.layouts.firstIndex(where: { layout in
            4 + 8 + bytes.count * 8 <= (layout.total - layout.eccPerBlock * layout.blocks) * 8
        }) else { throw TooLong(byteCount: bytes.count) }
        self.version = index + 1
        self.size = 17 + 4 * self.version
        self.modules = Array(repeating: Array(repeating: false, count: self.size), count: self.size)
        self.isFunctionModule = self.modules
        let layout = Self.layouts[index]
        let data = Self.dataCodewords(bytes, capacity: layout.total - layout.eccPerBlock * layout.blocks)
        self.drawFunctionPatterns()
        self.drawCodewords(Self.interleaved(data, eccPerBlock: layout.eccPerBlock, blocks: layout.blocks))
        self.chooseMask()
    }

    /// Mode 0100 (bytes), an 8-bit count, the bytes, a terminator, then 0xEC/0x11 padding.
    private static func dataCodewords(_ bytes: [UInt8], capacity: Int) -> [UInt8] {
        var bits: [Bool] = []
        func append(_ value: Int, _ count: Int) {
            for shift in stride(from: count - 1, through: 0, by: -1) { bits.append((value >> shift) & 1 == 1) }
        }
        append(0b0100, 4)
        append(bytes.count, 8)
        for byte in bytes { append(Int(byte), 8) }
        append(0, min(4, capacity * 8 - bits.count))
        append(0, (8 - bits.count % 8) % 8)
        var codewords = stride(from: 0, to: bits.count, by: 8).map { start in
            bits[start..<start + 8].reduce(UInt8(0)) { $0 << 1 | ($1 ? 1 : 0) }
        }
        var pad: UInt8 = 0xEC
        while codewords.count < capacity {
            codewords.append(pad)
            pad = pad == 0xEC ? 0x11 : 0xEC
        }
        return codewords
    }

    /// Splits data into blocks, appends each block's Reed–Solomon codewords, and interleaves.
    private static func interleaved(_ data: [UInt8], eccPerBlock: Int, blocks: Int) -> [UInt8] {
        let perBlock = data.count / blocks
        let divisor = ReedSolomon.divisor(degree: eccPerBlock)
        let dataBlocks = (0..<blocks).map { Array(data[$0 * perBlock..<($0 + 1) * perBlock]) }
        let eccBlocks = dataBlocks.map { ReedSolomon.remainder(of: $0, divisor: divisor) }
        var result: [UInt8] = []
        for index in 0..<perBlock { for block in dataBlocks { result.append(block[index]) } }
        for index in 0..<eccPerBlock { for block in eccBlocks { result.append(block[index]) } }
        return result
    }
}
