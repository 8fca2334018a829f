import RxPrescriptions
import Testing

@Suite("ICD-10 codes")
struct ICD10CodeTests {
    @Test("spaces around the code are ignored and letters uppercased, on the ASCII and the Unicode path alike")
    func normalises() {
        #expect(ICD10Code("J06.9")?.compact == "J069")
        #expect(ICD10Code(" \tj06.9  ")?.compact == "J069")
        #expect(ICD10Code("e11")?.compact == "E11")
        #expect(ICD10Code("\u{00A0}c50.9\u{2003}")?.compact == "C509", "no-break and em spaces are whitespace too")
    }

    @Test("anything but a letter, two digits and an optional dotted suffix of 1 to 4 characters is refused")
    func refuses() {
        for text in ["", "   ", "J6", "06.9", "J06.", "J06.12345", "J06-9", "J0 6", "Ĵ06.9", "J06.9é"] {
            #expect(ICD10Code(text) == nil, "\(text)")
        }
    }
}
