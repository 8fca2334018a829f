import Foundation

/// An ICD-10 diagnosis code as written on a prescription (`J06.9`, `E11`, `C50.9`), with the ranges the
/// prescription rules care about.
public struct ICD10Code: Sendable, Hashable, CustomStringConvertible {
    /// Uppercase, without the dot: "J069".
    public let compact: String

    /// Parses `text`: a letter, two digits, then optionally a dot and up to 4 more characters
    /// (`[0-9A-Z]`); spaces around it are ignored and letters are uppercased.
    public init?(_ text: String) {
        var bytes = Self.asciiUppercasedTrimmed(text) ?? Array(text.trimmingCharacters(in: .whitespaces).uppercased().utf8)
        guard bytes.count >= 3, (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(bytes[0]),
            ASCII.isDigit(bytes[1]), ASCII.isDigit(bytes[2])
        else { return nil }
        if bytes.count > 3 {
            guard bytes[3] == UInt8(ascii: "."), bytes.count > 4, bytes.count <= 8,
                bytes[4...].allSatisfy(ASCII.isAlphanumeric)
            else { return nil }
            bytes.remove(at: 3)
        }
        self.compact = String(decoding: bytes, as: UTF8.self)
    }

    /// `text` without surrounding spaces and tabs, uppercased, when it is all ASCII (the usual case, and
    /// far cheaper than Foundation's trimming); nil otherwise, for the Unicode-aware path.
    private static func asciiUppercasedTrimmed(_ text: String) -> [UInt8]? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            guard byte < 0x80 else { return nil }
            bytes.append(ASCII.uppercased(byte))
        }
        let isBlank: (UInt8) -> Bool = { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
        guard let first = bytes.firstIndex(where: { !isBlank($0) }), let last = bytes.lastIndex(where: { !isBlank($0) }) else {
            return []
        }
        return Array(bytes[first...last])
    }

    /// The 3-character category, e.g. "J06".
    public var category: String { String(self.compact.prefix(3)) }

    /// Whether the category lies in `first...last` (inclusive, e.g. "C00"..."D48").
    public func isIn(_ first: String, _ last: String) -> Bool {
        self.category >= first && self.category <= last
    }

    /// Neoplasms (C00-D48): the cancer-pain exception for narcotic prescriptions (TT 26 Art. 8).
    public var isNeoplasm: Bool { self.isIn("C00", "D48") }

    /// HIV disease (B20-B24): the patient's identity is hidden on lookups (QĐ 425 Art. 9 k5).
    public var isHIV: Bool { self.isIn("B20", "B24") }

    public var description: String {
        self.compact.count > 3 ? "\(self.category).\(self.compact.dropFirst(3))" : self.compact
    }
}
