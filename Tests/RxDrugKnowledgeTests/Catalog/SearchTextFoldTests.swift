import Foundation
import Testing

@testable import RxDrugKnowledge

@Suite("Search text folding: fast path against the Unicode definition")
struct SearchTextFoldTests {
    /// Every Vietnamese letter, lowercase and uppercase, precomposed (NFC) as keyboards type them.
    static let vietnameseLetters: [String] = {
        let bases = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"]
        let tones = ["", "\u{300}", "\u{301}", "\u{309}", "\u{303}", "\u{323}"]
        var letters = ["đ", "Đ"]
        for base in bases + bases.map({ $0.uppercased() }) {
            for tone in tones {
                letters.append((base + tone).precomposedStringWithCanonicalMapping)
            }
        }
        return letters
    }()

    @Test("every Vietnamese letter, in both cases, folds through the table, to its base letter")
    func vietnameseLettersUseTheTable() {
        #expect(Self.vietnameseLetters.count == 2 + 2 * 12 * 6)
        for letter in Self.vietnameseLetters {
            for scalar in letter.unicodeScalars where !scalar.isASCII {
                let action = FoldTable.action(scalar.value)
                #expect(action != FoldTable.unknown && action != FoldTable.separator && action != FoldTable.mark, "\(letter)")
            }
            #expect(SearchText.fold(letter) == SearchText.referenceFold(letter), "\(letter)")
            #expect(SearchText.fold(letter).utf8.count == 1, "\(letter)")
        }
    }

    @Test("every field of the sample catalog folds exactly as the Unicode definition does")
    func sampleCatalog() throws {
        let text = try String(contentsOfFile: CatalogFixtures.samplePath, encoding: .utf8)
        let records = try CSVRecords(text: text, source: "catalog.csv").records
        var fields = 0
        var nonASCII = 0
        for record in records {
            for field in record.fields {
                fields += 1
                if !field.utf8.allSatisfy({ $0 < 0x80 }) { nonASCII += 1 }
                #expect(SearchText.fold(field) == SearchText.referenceFold(field), "\(field)")
            }
        }
        #expect(records.count > 100)
        #expect(nonASCII > 100, "the sample must exercise the Vietnamese table, not only ASCII")
        #expect(fields > 1000)
    }

    @Test("random Vietnamese-like text folds exactly as the Unicode definition does")
    func randomText() {
        // Letters, separate combining tones, digits, ASCII and Unicode punctuation and spaces, and
        // characters the table leaves to the reference (µ, ß, Greek, ligatures, CJK, emoji, İ).
        let pieces = Self.vietnameseLetters + [
            "b", "C", "x", "Z", "0", "7", " ", "  ", "-", ",", ".", "/", "(", "%", "\t", "\n", "\u{300}", "\u{301}",
            "\u{309}", "\u{303}", "\u{323}", "\u{306}", "\u{302}", "\u{31B}", "\u{A0}", "–", "—", "’", "“", "•", "…",
            "µ", "ß", "Σ", "ς", "æ", "ﬁ", "ø", "Ł", "İ", "ı", "²", "½", "×", "°", "藥", "💊", "\u{200B}", "\u{2060}",
            "e\u{301}", "A\u{323}\u{302}", "ǅ", "ǈ", "Ǆ", "ẞ", "ʼ", "ː",
        ]
        var random = SplitMix64(seed: 0x5eed_f01d)
        var fastPathUsed = 0
        for _ in 0..<20_000 {
            var text = ""
            for _ in 0..<Int(random.next() % 12) {
                text += pieces[Int(random.next() % UInt64(pieces.count))]
            }
            let folded = SearchText.fold(text)
            #expect(folded == SearchText.referenceFold(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
            if text.unicodeScalars.allSatisfy({ FoldTable.action($0.value) != FoldTable.unknown }) { fastPathUsed += 1 }
        }
        #expect(fastPathUsed > 1_000)
    }

    @Test("every character the table folds gives the Unicode definition's result on its own and after a letter")
    func wholeTable() {
        for value in UInt32(0)..<0x2070 {
            guard let scalar = Unicode.Scalar(value), FoldTable.action(value) != FoldTable.unknown else { continue }
            for text in [String(Character(scalar)), "a" + String(Character(scalar)) + "b", "x " + String(Character(scalar))] {
                #expect(SearchText.fold(text) == SearchText.referenceFold(text), "U+\(String(value, radix: 16))")
            }
        }
    }
}

/// A small deterministic generator, so a failing string can be reproduced.
private struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) {
        self.state = seed
    }

    mutating func next() -> UInt64 {
        self.state &+= 0x9E37_79B9_7F4A_7C15
        var z = self.state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
