import RxDrugKnowledge
import Testing

@Suite("Ingredient name resolution")
struct IngredientResolutionTests {
    static let cases: [(String, String)] = [
        ("aspirin", "acetylsalicylic acid"), ("Aspirin", "acetylsalicylic acid"), ("acid acetylsalicylic", "acetylsalicylic acid"),
        ("acetaminophen", "paracetamol"), ("PARACETAMOL", "paracetamol"), ("Paracétamol", "paracetamol"),
        ("omeprazol", "omeprazole"), ("amoxicilin", "amoxicillin"), ("kali clorid", "potassium chloride"),
        ("Kali clorid", "potassium chloride"), ("natri valproat", "valproic acid"), ("acid valproic", "valproic acid"),
        ("nitroglycerin", "glyceryl trinitrate"), ("glyburide", "glibenclamide"), ("rifampin", "rifampicin"),
        ("amlodipine besilate", "amlodipine"), ("Amlodipin besilat", "amlodipine"), ("meperidine", "pethidine"),
        ("cyclosporine", "ciclosporin"), ("theophylin", "theophylline"), ("xanh methylen", "methylthioninium chloride"),
        ("  simvastatin  ", "simvastatin"), ("metformin hydroclorid", "metformin"), ("Ciprofloxacin HCl", "ciprofloxacin"),
    ]

    @Test("synonyms, accents, Vietnamese spellings and salts resolve to the INN")
    func resolves() throws {
        let index = try #require(InteractionTestSupport.committed?.index)
        for (text, expected) in Self.cases {
            #expect(index.resolveIngredient(text) == expected, "\(text)")
        }
    }

    @Test("unknown text does not resolve")
    func unknown() throws {
        let index = try #require(InteractionTestSupport.committed?.index)
        for text in ["", "   ", "water", "sodium", "acid", "hydrochloride"] {
            #expect(index.resolveIngredient(text) == nil, "\(text)")
        }
    }

    @Test("a drug built from a name carries the vocabulary's ATC codes")
    func drugFromName() throws {
        let index = try #require(InteractionTestSupport.committed?.index)
        let drug = try #require(index.drug(named: "Aspirin", lineNumber: 2))
        #expect(drug.ingredients == ["acetylsalicylic acid"])
        #expect(drug.atcCodes.contains("B01AC06"))
        #expect(drug.lineNumber == 2)
        #expect(index.drug(named: "unobtainium") == nil)
    }
}
