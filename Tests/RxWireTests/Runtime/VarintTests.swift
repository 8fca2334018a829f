@testable import RxWire
import Testing

@Suite("Varints and zigzag")
struct VarintTests {
    static let varintTable: [(UInt64, String)] = [
        (0, "00"), (1, "01"), (127, "7f"), (128, "80 01"), (300, "ac 02"), (16_383, "ff 7f"), (16_384, "80 80 01"),
        (UInt64(UInt32.max), "ff ff ff ff 0f"), (UInt64.max, "ff ff ff ff ff ff ff ff ff 01"),
    ]

    @Test("varints encode, size and decode as the table says", arguments: VarintTests.varintTable)
    func varints(value: UInt64, hex: String) throws {
        let expected = Hex.bytes(hex)
        #expect(Self.written { $0.writeVarint(value) } == expected)
        #expect(Varint.size(value) == expected.count)
        let decoded = try expected.withUnsafeBytes { raw in
            try ProtoReader.withReader(raw) { (reader: inout ProtoReader) throws(WireError) in try reader.readVarint() }
        }
        #expect(decoded == value)
    }

    @Test("a negative int32 takes 10 bytes (sign-extended), and decodes back")
    func negativeInt32() throws {
        var message = CivilDate()
        message.year = -1
        let bytes = message.serializedBytes()
        #expect(bytes == Hex.bytes("08 ff ff ff ff ff ff ff ff ff 01"))
        #expect(try CivilDate(serializedBytes: bytes).year == -1)
    }

    static let zigZag32Table: [(Int32, UInt32)] = [
        (0, 0), (-1, 1), (1, 2), (-2, 3), (2_147_483_647, 4_294_967_294), (-2_147_483_648, 4_294_967_295),
    ]

    @Test("zigzag sint32 table", arguments: VarintTests.zigZag32Table)
    func zigZag32(value: Int32, encoded: UInt32) {
        #expect(Varint.zigZag(value) == encoded)
        #expect(Varint.unZigZag(encoded) == value)
    }

    static let zigZag64Table: [(Int64, UInt64)] = [
        (0, 0), (-1, 1), (1, 2), (-2, 3), (Int64.max, UInt64.max - 1), (Int64.min, UInt64.max),
    ]

    @Test("zigzag sint64 table", arguments: VarintTests.zigZag64Table)
    func zigZag64(value: Int64, encoded: UInt64) {
        #expect(Varint.zigZag(value) == encoded)
        #expect(Varint.unZigZag(encoded) == value)
    }

    private static func written(_ body: (inout ProtoWriter) -> Void) -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: 16)
        let end = buffer.withUnsafeMutableBytes { raw in ProtoWriter.withWriter(into: raw, body) }
        return Array(buffer[0..<end])
    }
}
