/// What ``SearchText`` does with each character it can fold without Unicode property look-ups: a byte
/// per code point below U+2070 — ``unknown``, ``mark`` (dropped), ``separator`` (a word break), or the
/// ASCII letter or digit the character folds to.
///
/// The non-ASCII entries are not written by hand: each is derived once from
/// ``SearchText/referenceFold(_:)``'s rules (lowercase mapping, canonical decomposition, nonspacing
/// marks, `đ`), for the Latin blocks that hold every Vietnamese letter, the combining diacritics and
/// general punctuation. A character whose folding is more than one ASCII letter, digit or break stays
/// ``unknown``, and text containing one is folded by the reference definition instead.
enum FoldTable {
    static let unknown: UInt8 = 0
    static let mark: UInt8 = 1
    static let separator: UInt8 = 2

    /// The ranges derived: Latin-1 Supplement and Latin Extended-A/B, combining diacritical marks,
    /// Latin Extended Additional (Vietnamese letters with two diacritics), general punctuation.
    private static let derivedRanges: [ClosedRange<UInt32>] = [0x80...0x24F, 0x300...0x36F, 0x1E00...0x1EFF, 0x2000...0x206F]

    /// Indexed by code point; code points at or above its count are ``unknown``.
    static let actions: [UInt8] = {
        var actions = [UInt8](repeating: Self.unknown, count: 0x2070)
        for byte in UInt8(0)..<0x80 {
            actions[Int(byte)] = Self.ascii(byte)
        }
        for range in Self.derivedRanges {
            for value in range {
                if let scalar = Unicode.Scalar(value) {
                    actions[Int(value)] = Self.derive(scalar)
                }
            }
        }
        return actions
    }()

    /// The action for an ASCII byte: letters lowercased, digits kept, anything else a break.
    @inline(__always)
    static func ascii(_ byte: UInt8) -> UInt8 {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): byte | 0x20
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): byte
        default: Self.separator
        }
    }

    /// The action for a code point (``unknown`` beyond the table).
    @inline(__always)
    static func action(_ value: UInt32) -> UInt8 {
        value < 0x2070 ? Self.actions[Int(value)] : Self.unknown
    }

    /// Applies the reference rules to one character. Folding is per character here because lowercasing
    /// maps each scalar on its own and decomposition only reorders marks of non-zero combining class,
    /// which are all dropped: so a character qualifies only if its decomposition is at most one scalar
    /// of combining class 0 (first) followed by nonspacing marks.
    private static func derive(_ scalar: Unicode.Scalar) -> UInt8 {
        let decomposed = String(Character(scalar)).lowercased().decomposedStringWithCanonicalMapping.unicodeScalars
        var kept: [Unicode.Scalar] = []
        for (position, part) in decomposed.enumerated() {
            if part.properties.generalCategory == .nonspacingMark {
                continue
            }
            guard position == 0, part.properties.canonicalCombiningClass == .notReordered else {
                return Self.unknown
            }
            kept.append(part)
        }
        guard let base = kept.first else {
            return Self.mark
        }
        let mapped: Unicode.Scalar = base == "đ" ? "d" : base
        guard mapped.properties.isAlphabetic || mapped.properties.numericType != nil else {
            return Self.separator
        }
        guard mapped.isASCII else {
            return Self.unknown
        }
        return UInt8(mapped.value)
    }
}
