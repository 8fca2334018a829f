import RxPrescriptions
import RxWire
import Testing

@Suite("Prescription codes")
struct PrescriptionCodeTests {
    @Test("valid codes parse case-insensitively into the canonical spelling", arguments: [
        ("79088k3f9a2q-C", "79088k3f9a2q-C"), ("79088K3F9A2Q-c", "79088k3f9a2q-C"), ("01QLDabcdefg-n", "01QLDabcdefg-N"),
        ("79088k3f9a2q-y", "79088k3f9a2q-Y"), ("790880000000-T", "790880000000-T"),
    ])
    func parses(input: String, canonical: String) throws {
        #expect(try PrescriptionCode(parsing: input).description == canonical)
    }

    @Test("malformed codes are refused", arguments: [
        "", "79088k3f9a2q", "79088k3f9a2q-X", "79088k3f9a2q_C", "79088k3f9a2-C", "79088k3f9a2qq-C", "7908!k3f9a2q-C",
        "79088k3f9a2ạ-C", "79088k3f9a2q-CC",
    ])
    func refuses(input: String) {
        #expect(throws: PrescriptionError.self) { try PrescriptionCode(parsing: input) }
    }

    @Test("generated codes have the national shape, the facility prefix and the type letter")
    func generatedShape() throws {
        var generator = SystemRandomNumberGenerator()
        for (type, letter) in [(PrescriptionType.ordinary, "C"), (.narcotic, "N"), (.psychotropicPrecursor, "H"), (.traditionalMedicine, "T")] {
            let code = PrescriptionCode.generate(facilityCode: "79088", type: type, using: &generator)
            let text = code.description
            #expect(text.count == 14)
            #expect(text.hasPrefix("79088"))
            #expect(text.hasSuffix("-\(letter)"))
            #expect(text.dropFirst(5).prefix(7).allSatisfy { "0123456789abcdefghijklmnopqrstuvwxyz".contains($0) })
            #expect(try PrescriptionCode(parsing: text) == code)
        }
    }

    @Test("10,000 generated codes are all different, and every position uses every symbol about equally")
    func generatedCodesAreUnique() {
        var generator = SystemRandomNumberGenerator()
        var codes: Set<String> = []
        var counts = Array(repeating: [Character: Int](), count: PrescriptionCode.randomLength)
        for _ in 0..<10_000 {
            let code = PrescriptionCode.generate(facilityCode: "79088", type: .ordinary, using: &generator)
            codes.insert(code.description)
            for (position, symbol) in code.randomPart.enumerated() { counts[position][symbol, default: 0] += 1 }
        }
        #expect(codes.count == 10_000)
        for (position, symbols) in counts.enumerated() {
            #expect(symbols.count == 36, "position \(position) uses \(symbols.count) symbols")
            // 277.8 expected per symbol, standard deviation 16.4: six deviations either side.
            #expect(symbols.values.allSatisfy { (180...380).contains($0) }, "position \(position): \(symbols)")
        }
    }

    @Test("traditional medicine accepts T and Y; other types only their own letter")
    func typeLetters() throws {
        #expect(try PrescriptionCode(parsing: "79088aaaaaaa-T").fits(.traditionalMedicine))
        #expect(try PrescriptionCode(parsing: "79088aaaaaaa-Y").fits(.traditionalMedicine))
        #expect(try !PrescriptionCode(parsing: "79088aaaaaaa-C").fits(.narcotic))
        #expect(try PrescriptionCode(parsing: "79088aaaaaaa-H").fits(.psychotropicPrecursor))
    }
}
