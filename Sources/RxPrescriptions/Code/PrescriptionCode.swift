import RxWire

/// A national prescription code (mã đơn thuốc), `xxxxxyyyyyyy-z`: 5-character facility code, 7 random
/// characters `[0-9a-z]`, a hyphen and the type letter (domain.md §1; TT 26 Appendix I note 1).
///
/// Codes are compared case-insensitively and stored canonically: facility part as issued, random part in
/// lowercase, type letter in uppercase (`79088k3f9a2q-C`).
public struct PrescriptionCode: Sendable, Hashable, CustomStringConvertible {
    /// Length of a code including the hyphen.
    public static let length = 14
    /// Length of the random part.
    public static let randomLength = 7

    /// The issuing facility's 5-character code.
    public let facilityCode: String
    /// The 7 random characters, lowercase.
    public let randomPart: String
    /// The type letter, uppercase (`C`, `N`, `H`, `T` or `Y`).
    public let typeLetter: Character

    /// Parses `text` (any case) into a canonical code.
    ///
    /// - Throws: `PrescriptionError.invalidArgument` saying what is wrong with the syntax.
    public init(parsing text: String) throws(PrescriptionError) {
        let bytes = Array(text.utf8)
        guard bytes.count == Self.length else {
            throw .invalidArgument(
                "\"\(text.prefix(40))\" is not a prescription code: expected \(Self.length) characters "
                    + "like 79088k3f9a2q-C, got \(bytes.count)")
        }
        guard bytes[0..<5].allSatisfy(ASCII.isAlphanumeric) else {
            throw .invalidArgument("\"\(text)\" is not a prescription code: the first 5 characters must be a facility code [0-9A-Za-z]")
        }
        guard bytes[5..<12].allSatisfy(ASCII.isAlphanumeric) else {
            throw .invalidArgument("\"\(text)\" is not a prescription code: characters 6-12 must be [0-9a-z]")
        }
        guard bytes[12] == UInt8(ascii: "-") else {
            throw .invalidArgument("\"\(text)\" is not a prescription code: character 13 must be '-'")
        }
        let letter = ASCII.uppercased(bytes[13])
        guard Self.typeLetters.contains(letter) else {
            throw .invalidArgument("\"\(text)\" is not a prescription code: the type letter must be one of C, N, H, T, Y")
        }
        self.facilityCode = String(decoding: bytes[0..<5], as: UTF8.self)
        self.randomPart = String(decoding: bytes[5..<12].map(ASCII.lowercased), as: UTF8.self)
        self.typeLetter = Character(Unicode.Scalar(letter))
    }

    /// A code from already-valid parts; used by the generator.
    init(facilityCode: String, randomPart: String, typeLetter: Character) {
        self.facilityCode = facilityCode
        self.randomPart = randomPart
        self.typeLetter = typeLetter
    }

    /// The canonical spelling, e.g. `79088k3f9a2q-C`.
    public var description: String { "\(self.facilityCode)\(self.randomPart)-\(self.typeLetter)" }

    /// Whether this code may name a prescription of `type`: the letter the hub assigns, or for
    /// traditional medicine also `Y` (QĐ 808 integrations).
    public func fits(_ type: PrescriptionType) -> Bool {
        type.acceptedCodeLetters.contains(self.typeLetter)
    }

    /// A fresh code for `facilityCode` and `type` with a random part drawn from `generator`.
    ///
    /// The 7 characters are the base-36 digits of one number drawn uniformly below 36^7 (rejection
    /// sampling over a 64-bit draw, so every code is equally likely), which carries log2(36^7) ≈ 36 bits;
    /// production passes `SystemRandomNumberGenerator` (getrandom(2) on Linux, a CSPRNG). One draw per
    /// code, not one per character: the code is drawn on the single writer thread.
    public static func generate<Generator: RandomNumberGenerator>(
        facilityCode: String, type: PrescriptionType, using generator: inout Generator
    ) -> PrescriptionCode {
        var value = UInt64.random(in: 0..<Self.codeSpace, using: &generator)
        var random = [UInt8](repeating: 0, count: Self.randomLength)
        for index in random.indices.reversed() {
            random[index] = Self.alphabet[Int(value % 36)]
            value /= 36
        }
        return PrescriptionCode(
            facilityCode: facilityCode, randomPart: String(decoding: random, as: UTF8.self), typeLetter: type.codeLetter)
    }

    private static let alphabet = Array("0123456789abcdefghijklmnopqrstuvwxyz".utf8)
    /// 36^7: how many random parts there are.
    private static let codeSpace: UInt64 = 78_364_164_096

    private static let typeLetters: Set<UInt8> = Set("CNHTY".utf8)
}

/// ASCII byte helpers for code parsing.
enum ASCII {
    static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
            || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }

    static func isDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    static func uppercased(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) ? byte - 32 : byte
    }

    static func lowercased(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte
    }
}
