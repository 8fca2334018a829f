/// Syntax of marketing registration numbers (số đăng ký), domain.md §2.
///
/// Legacy numbers are a prefix, a serial and a two-digit year: `VD-25123-18` (domestic), `VN-…`
/// (imported), `QLĐB-…` (special control), `GC-…` (contract manufacture), `QLSP-…` (biologicals), `VS-…`;
/// herbal `V46-H12-16`. New numbers are 12 digits (`893114458325`). Only syntax is checked: the layout of
/// the 12 digits differs between circulars and must not be parsed.
public enum RegistrationNumber {
    static let legacyPrefixes: Set<String> = ["VD", "VN", "QLĐB", "GC", "QLSP", "VS"]

    /// Whether `text` (already uppercased and trimmed) has the syntax of a registration number.
    public static func isValid(_ text: String) -> Bool {
        if text.count == 12, text.allSatisfy({ $0.isASCII && $0.isNumber }) {
            return true
        }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3, Self.isDigits(parts[2], count: 2...2) else {
            return false
        }
        if Self.legacyPrefixes.contains(parts[0]) {
            return Self.isDigits(parts[1], count: 3...6)
        }
        // Herbal: V46-H12-16.
        return parts[0].first == "V" && Self.isDigits(String(parts[0].dropFirst()), count: 1...3)
            && parts[1].first == "H" && Self.isDigits(String(parts[1].dropFirst()), count: 1...4)
    }

    private static func isDigits(_ text: String, count: ClosedRange<Int>) -> Bool {
        count.contains(text.count) && text.allSatisfy { $0.isASCII && $0.isNumber }
    }
}
