import RxWire
import Testing

/// Deterministic encoding: field order, omitted defaults, presence, sorted maps.
@Suite("Encoding")
struct EncodingTests {
    @Test("map entries are written in key order whatever the insertion order")
    func mapOrderIsDeterministic() {
        let keys = ["z", "a", "", "é", "b", "Đ", "ab"]
        var first = WireSample()
        var second = WireSample()
        for (index, key) in keys.enumerated() { first.counters[key] = Int64(index) }
        for (index, key) in keys.enumerated().reversed() { second.counters[key] = Int64(index) }
        #expect(first.serializedBytes() == second.serializedBytes())
        // Byte order of UTF-8: "" < "a" < "ab" < "b" < "z" < "é" (c3 a9) < "Đ" (c4 90).
        let decodedOrder = Self.mapKeysInWireOrder(first.serializedBytes())
        #expect(decodedOrder == ["", "a", "ab", "b", "z", "é", "Đ"])

        var numbers = WireSample()
        numbers.nestedByID = [5: .init(), -1: .init(), 0: .init()]
        #expect(numbers.serializedBytes() == Hex.bytes(
            "c2 01 0d 08 ff ff ff ff ff ff ff ff ff 01 12 00 c2 01 04 08 00 12 00 c2 01 04 08 05 12 00"))
    }

    @Test("proto3 defaults are omitted; optional and oneof members are written even when zero")
    func defaultsAndPresence() {
        #expect(WireSample().serializedBytes() == [])
        var sample = WireSample()
        sample.optionalInt32 = 0
        sample.choice = .choiceNumber(0)
        sample.optionalString = ""
        #expect(sample.serializedBytes() == Hex.bytes("d0 01 00 e0 01 00 8a 02 00"))
        var empty = EchoRequest()
        empty.sample = WireSample()
        #expect(empty.serializedBytes() == [0x0A, 0x00])
    }

    @Test("-0.0 is written (its bits are not all zero); +0.0 is omitted")
    func negativeZero() {
        var sample = WireSample()
        sample.doubleValue = -0.0
        #expect(sample.serializedBytes() == Hex.bytes("61 00 00 00 00 00 00 00 80"))
        sample.doubleValue = 0.0
        #expect(sample.serializedBytes() == [])
    }

    @Test("encodedSize matches the bytes, and headroom reserves zeroed prefix bytes")
    func sizeAndHeadroom() throws {
        let message = try #require(ConformanceSample.prescription.message as? Prescription)
        let bytes = message.serializedBytes()
        #expect(message.encodedSize() == bytes.count)
        let framed = message.serializedBytes(headroom: 5)
        #expect(framed.prefix(5) == [0, 0, 0, 0, 0])
        #expect(Array(framed.dropFirst(5)) == bytes)
    }

    @Test("equal messages give equal bytes, and unknown fields go last")
    func unknownFieldsLast() throws {
        var builder = WireBuilder()
        builder.varint(50, 1)
        builder.varint(1, 2020)
        let date = try CivilDate(serializedBytes: builder.bytes)
        #expect(date.serializedBytes() == Hex.bytes("08 e4 0f 90 03 01"))
    }

    /// Keys of WireSample.counters (field 23) in the order they appear on the wire.
    private static func mapKeysInWireOrder(_ bytes: [UInt8]) -> [String] {
        var keys: [String] = []
        var index = 0
        while index + 3 < bytes.count, bytes[index] == 0xBA, bytes[index + 1] == 0x01 {
            let entryLength = Int(bytes[index + 2])
            let keyLength = Int(bytes[index + 4])
            keys.append(String(decoding: bytes[(index + 5)..<(index + 5 + keyLength)], as: UTF8.self))
            index += 3 + entryLength
        }
        return keys
    }
}
