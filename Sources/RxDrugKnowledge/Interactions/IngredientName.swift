import Foundation

/// Text rules for ingredient names: what a canonical INN looks like, and the lookup form that makes
/// "Paracetamol", "PARACÉTAMOL" and "paracetamol " the same key.
enum IngredientName {
    /// Whether `name` is written the way the knowledge base writes an INN: lowercase ASCII letters and
    /// digits, single spaces, and `-`, `'`, `,`, `.` inside; no leading or trailing blank.
    static func isCanonical(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard let first = bytes.first, let last = bytes.last, Self.isLowerAlnum(first), Self.isLowerAlnum(last) else {
            return false
        }
        var previousWasSpace = false
        for byte in bytes {
            if byte == UInt8(ascii: " ") {
                if previousWasSpace { return false }
                previousWasSpace = true
                continue
            }
            previousWasSpace = false
            guard Self.isLowerAlnum(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "'")
                || byte == UInt8(ascii: ",") || byte == UInt8(ascii: ".")
            else {
                return false
            }
        }
        return true
    }

    /// The lookup form of free text: lowercased, diacritics removed (Vietnamese `đ` becomes `d`), every
    /// run of characters other than letters and digits turned into one space, trimmed.
    static func lookupKey(_ text: String) -> String {
        let folded = text.replacingOccurrences(of: "đ", with: "d").replacingOccurrences(of: "Đ", with: "D")
            .folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .lowercased()
        var key = ""
        key.reserveCapacity(folded.utf8.count)
        var pendingSpace = false
        for scalar in folded.unicodeScalars {
            let isAlnum = (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9")
            if isAlnum {
                if pendingSpace && !key.isEmpty {
                    key.append(" ")
                }
                pendingSpace = false
                key.unicodeScalars.append(scalar)
            } else {
                pendingSpace = true
            }
        }
        return key
    }

    /// Salt and form words that do not change the active moiety ("amlodipine besilate" is amlodipine).
    /// Tried only after the full text failed, so "potassium chloride" stays an ingredient of its own.
    static let saltWords: Set<String> = [
        "hydrochloride", "hydroclorid", "hydrochlorid", "hcl", "sodium", "natri", "potassium", "kali", "calcium",
        "magnesium", "sulfate", "sulphate", "sulfat", "maleate", "maleat", "besylate", "besilate", "besilat",
        "mesylate", "mesilate", "mesilat", "tartrate", "tartrat", "citrate", "citrat", "fumarate", "fumarat",
        "succinate", "succinat", "acetate", "acetat", "phosphate", "phosphat", "bromide", "bromid", "dihydrate",
        "monohydrate", "trihydrate", "hemihydrate", "anhydrous", "khan", "propionate", "propionat", "dipropionate",
        "furoate", "xinafoate", "etexilate", "medoxomil", "cilexetil", "trometamol", "arginine", "erbumine",
    ]

    private static func isLowerAlnum(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }
}
