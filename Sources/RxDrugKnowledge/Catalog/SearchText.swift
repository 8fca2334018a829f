import Foundation

/// The one normalisation search and equivalence use: lowercase, Vietnamese diacritics removed
/// (including đ → d), every run of non-alphanumerics collapsed to one space.
///
/// So "Thuốc ho", "THUOC  HO" and "thuoc-ho" all become "thuoc ho", and a pharmacist typing without a
/// Vietnamese keyboard finds what was declared with one.
public enum SearchText {
    public static func fold(_ text: String) -> String {
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

    /// `fold(text)` as UTF-8 bytes, the form the search index compares.
    static func foldedBytes(_ text: String) -> [UInt8] {
        Array(self.fold(text).utf8)
    }
}
