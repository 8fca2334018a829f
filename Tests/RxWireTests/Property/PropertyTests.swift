import RxWire
import Testing

/// Seeded property tests: random valid messages round-trip exactly, and random or
/// mutated bytes never crash the decoder.
@Suite("Property tests")
struct PropertyTests {
    @Test("random messages round-trip: bytes -> message -> same bytes -> equal message")
    func randomMessagesRoundTrip() throws {
        var filler = SchemaFiller(generator: SeededGenerator(seed: 0x5EED), mode: .random)
        for type in ProtoSchema.messageTypes {
            for _ in 0..<150 {
                let bytes = filler.message(type.schema)
                try Self.checkRoundTrip(type, bytes)
            }
        }
    }

    @Test("20,000 random and mutated inputs decode or throw WireError, never crash")
    func mutatedInputsNeverCrash() {
        var generator = SeededGenerator(seed: 0xF022)
        var filler = SchemaFiller(generator: SeededGenerator(seed: 0xBAD), mode: .random)
        let types = ProtoSchema.messageTypes
        var decoded = 0
        var rejected = 0
        for round in 0..<20_000 {
            let type = types[round % types.count]
            var bytes: [UInt8]
            if round % 10 == 0 {
                bytes = (0..<Int.random(in: 0..<64, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            } else {
                bytes = filler.message(type.schema)
                Self.mutate(&bytes, using: &generator)
            }
            if Self.decodeStably(type, bytes) { decoded += 1 } else { rejected += 1 }
        }
        // Both outcomes must occur, or the mutations are not exercising the decoder.
        #expect(decoded > 1_000)
        #expect(rejected > 1_000)
    }

    private static func checkRoundTrip<Message: ProtoMessage>(_ type: Message.Type, _ bytes: [UInt8]) throws {
        let message = try Message(serializedBytes: bytes)
        let reencoded = message.serializedBytes()
        #expect(reencoded == bytes, "\(Message.protoMessageName): \(Hex.string(bytes)) -> \(Hex.string(reencoded))")
        #expect(message.encodedSize() == reencoded.count)
        #expect(try Message(serializedBytes: reencoded) == message)
    }

    /// Decodes; if that succeeds, re-encoding and decoding again must give the same bytes.
    private static func decodeStably<Message: ProtoMessage>(_ type: Message.Type, _ bytes: [UInt8]) -> Bool {
        do throws(WireError) {
            let first = try Message(serializedBytes: bytes).serializedBytes()
            let second = try Message(serializedBytes: first).serializedBytes()
            #expect(first == second, "\(Message.protoMessageName) unstable for \(Hex.string(bytes))")
            return true
        } catch {
            #expect(!error.fieldPath.isEmpty)
            return false
        }
    }

    private static func mutate(_ bytes: inout [UInt8], using generator: inout SeededGenerator) {
        let edits = Int.random(in: 1...3, using: &generator)
        for _ in 0..<edits {
            switch Int.random(in: 0..<5, using: &generator) {
            case 0 where !bytes.isEmpty:
                let index = Int.random(in: 0..<bytes.count, using: &generator)
                bytes[index] ^= UInt8(1) << UInt8.random(in: 0..<8, using: &generator)
            case 1 where !bytes.isEmpty:
                bytes.removeLast(Int.random(in: 1...bytes.count, using: &generator))
            case 2:
                let index = Int.random(in: 0...bytes.count, using: &generator)
                bytes.insert(UInt8.random(in: 0...255, using: &generator), at: index)
            case 3 where !bytes.isEmpty:
                let index = Int.random(in: 0..<bytes.count, using: &generator)
                bytes[index] = [0x00, 0x7F, 0x80, 0xFF, 0x0B, 0x0C, 0x0E, 0x0F].randomElement(using: &generator) ?? 0
            default:
                bytes += (0..<Int.random(in: 1...11, using: &generator)).map { _ in 0xFF }
            }
        }
    }
}
