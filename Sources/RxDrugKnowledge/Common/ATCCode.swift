import Foundation

/// Syntax checks and prefix walking for WHO ATC codes.
///
/// ATC levels have 1 (anatomical group), 3, 4, 5 (chemical subgroup) and 7 (substance) characters,
/// e.g. `N02BE01`: `[ABCDGHJLMNPRSV]\d{2}[A-Z]{2}\d{2}`. Catalog products carry complete codes; an
/// interaction class rule names one of the level prefixes and matches a drug when one of its codes
/// starts with it.
public enum ATCCode {
    static let anatomicalGroups: Set<UInt8> = Set("ABCDGHJLMNPRSV".utf8)

    /// The lengths of the ATC levels, shortest first.
    static let levelLengths = [1, 3, 4, 5, 7]

    /// Whether `code` is a complete, well-formed 7-character ATC code.
    public static func isValid(_ code: String) -> Bool {
        code.utf8.count == 7 && Self.isPrefix(code)
    }

    /// Whether `code` is a well-formed ATC code or level prefix (anatomical group letter, two digits, two
    /// letters, two digits, cut at a level boundary).
    static func isPrefix(_ code: String) -> Bool {
        let bytes = Array(code.utf8)
        guard Self.levelLengths.contains(bytes.count), Self.anatomicalGroups.contains(bytes[0]) else {
            return false
        }
        for (offset, byte) in bytes.enumerated() {
            let isLetter = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")
            let isDigit = byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
            switch offset {
            case 0, 3, 4:
                guard isLetter else { return false }
            default:
                guard isDigit else { return false }
            }
        }
        return true
    }

    /// The level prefixes of `code` (for `C10AA01`: `C`, `C10`, `C10A`, `C10AA`, `C10AA01`), after
    /// uppercasing and trimming; empty for text that is not an ATC code.
    static func levelPrefixes(of code: String) -> [Substring] {
        // Catalog codes are already clean: skip Foundation's trimming and case mapping for them.
        let trimmed = Self.isPrefix(code) ? code : code.trimmingCharacters(in: .whitespaces).uppercased()
        guard Self.isPrefix(trimmed) else {
            return []
        }
        let count = trimmed.count
        return Self.levelLengths.filter { $0 <= count }.map { trimmed.prefix($0) }
    }
}
