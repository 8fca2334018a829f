/// Syntax of WHO ATC codes at the fifth (substance) level: `[ABCDGHJLMNPRSV]\d{2}[A-Z]{2}\d{2}`, e.g.
/// `N02BE01`.
public enum ATCCode {
    static let anatomicalGroups: Set<Character> = ["A", "B", "C", "D", "G", "H", "J", "L", "M", "N", "P", "R", "S", "V"]

    public static func isValid(_ code: String) -> Bool {
        let characters = Array(code)
        guard characters.count == 7, Self.anatomicalGroups.contains(characters[0]) else {
            return false
        }
        func digit(_ index: Int) -> Bool { characters[index].isASCII && characters[index].isNumber }
        func letter(_ index: Int) -> Bool { characters[index].isASCII && characters[index].isUppercase }
        return digit(1) && digit(2) && letter(3) && letter(4) && digit(5) && digit(6)
    }
}
