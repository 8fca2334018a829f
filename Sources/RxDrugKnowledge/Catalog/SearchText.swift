import Foundation

/// The one normalisation search and equivalence use: lowercase, Vietnamese diacritics removed
/// (including đ → d), every run of non-alphanumerics collapsed to one space.
///
/// So "Thuốc ho", "THUOC  HO" and "thuoc-ho" all become "thuoc ho", and a pharmacist typing without a
/// Vietnamese keyboard finds what was declared with one.
///
/// Folding runs for every searchable field of every product when a snapshot is built, so it has a fast
/// path: ASCII bytes are lowercased directly and Latin letters with diacritics (every Vietnamese letter)
/// come from a table (``FoldTable``) derived from the Unicode rules themselves; any other character sends
/// the whole text through ``referenceFold(_:)``, the Unicode-property definition, so results never differ.
public enum SearchText {
    public static func fold(_ text: String) -> String {
        String(decoding: self.foldedBytes(text), as: UTF8.self)
    }

    /// `fold(text)` as UTF-8 bytes, the form the search index compares.
    static func foldedBytes(_ text: String) -> [UInt8] {
        var folded: [UInt8] = []
        self.appendFolded(text, to: &folded)
        return folded
    }

    /// Appends `fold(text)`'s UTF-8 bytes to `folded` (the search index builds one buffer for all fields).
    static func appendFolded(_ text: String, to folded: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            let start = folded.count
            if !Self.fastFold(bytes, into: &folded) {
                folded.removeSubrange(start...)
                folded += Self.referenceFold(String(decoding: bytes, as: UTF8.self)).utf8
            }
        }
    }

    /// The definition of folding, by Unicode properties: lowercase, canonical decomposition, nonspacing
    /// marks dropped, `đ` as `d`, letters and numbers kept, anything else a word break.
    static func referenceFold(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
            if scalar.properties.generalCategory == .nonspacingMark {
                continue
            }
            let mapped: Unicode.Scalar = scalar == "đ" ? "d" : scalar
            if mapped.properties.isAlphabetic || mapped.properties.numericType != nil {
                if pendingSpace && !scalars.isEmpty {
                    scalars.append(" ")
                }
                pendingSpace = false
                scalars.append(mapped)
            } else {
                pendingSpace = true
            }
        }
        return String(scalars)
    }

    /// Appends the folding of valid UTF-8 made only of characters ``FoldTable`` knows; false (with
    /// `folded` partly written) for anything else.
    private static func fastFold(_ bytes: UnsafeBufferPointer<UInt8>, into folded: inout [UInt8]) -> Bool {
        let start = folded.count
        var pendingSpace = false
        var index = 0
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            let action: UInt8
            if lead < 0x80 {
                action = FoldTable.ascii(lead)
                index += 1
            } else if lead & 0xE0 == 0xC0, index + 1 < count {
                let scalar = (UInt32(lead & 0x1F) << 6) | UInt32(bytes[index + 1] & 0x3F)
                action = FoldTable.action(scalar)
                index += 2
            } else if lead & 0xF0 == 0xE0, index + 2 < count {
                let scalar = (UInt32(lead & 0x0F) << 12) | (UInt32(bytes[index + 1] & 0x3F) << 6)
                    | UInt32(bytes[index + 2] & 0x3F)
                action = FoldTable.action(scalar)
                index += 3
            } else {
                return false
            }
            switch action {
            case FoldTable.unknown:
                return false
            case FoldTable.mark:
                continue
            case FoldTable.separator:
                pendingSpace = true
            default:
                if pendingSpace && folded.count > start {
                    folded.append(0x20)
                }
                pendingSpace = false
                folded.append(action)
            }
        }
        return true
    }
}
