import RxDrugKnowledge
import Testing

/// Well-known pairs checked against the committed knowledge base, both ways round, with the minimum
/// severity the literature gives them.
@Suite("Clinical pairs in the committed knowledge base")
struct ClinicalPairsTests {
    struct Pair: CustomTestStringConvertible, Sendable {
        let a: String
        let b: String
        let minimum: InteractionSeverity
        var testDescription: String { "\(self.a) + \(self.b) ≥ \(self.minimum)" }
    }

    static let pairs: [Pair] = [
        Pair(a: "warfarin", b: "acetylsalicylic acid", minimum: .major),
        Pair(a: "warfarin", b: "ibuprofen", minimum: .major),
        Pair(a: "acenocoumarol", b: "diclofenac", minimum: .major),
        Pair(a: "acenocoumarol", b: "miconazole", minimum: .contraindicated),
        Pair(a: "warfarin", b: "fluconazole", minimum: .moderate),
        Pair(a: "warfarin", b: "clopidogrel", minimum: .major),
        Pair(a: "simvastatin", b: "clarithromycin", minimum: .contraindicated),
        Pair(a: "lovastatin", b: "itraconazole", minimum: .contraindicated),
        Pair(a: "simvastatin", b: "ritonavir", minimum: .contraindicated),
        Pair(a: "simvastatin", b: "amiodarone", minimum: .moderate),
        Pair(a: "atorvastatin", b: "clarithromycin", minimum: .moderate),
        Pair(a: "sildenafil", b: "isosorbide mononitrate", minimum: .contraindicated),
        Pair(a: "sildenafil", b: "glyceryl trinitrate", minimum: .contraindicated),
        Pair(a: "tadalafil", b: "nitroglycerin", minimum: .contraindicated),
        Pair(a: "tizanidine", b: "ciprofloxacin", minimum: .contraindicated),
        Pair(a: "tizanidine", b: "fluvoxamine", minimum: .contraindicated),
        Pair(a: "colchicine", b: "clarithromycin", minimum: .contraindicated),
        Pair(a: "colchicine", b: "ketoconazole", minimum: .contraindicated),
        Pair(a: "ergotamine", b: "clarithromycin", minimum: .contraindicated),
        Pair(a: "ergotamine", b: "ritonavir", minimum: .contraindicated),
        Pair(a: "ergotamine", b: "itraconazole", minimum: .contraindicated),
        Pair(a: "ergotamine", b: "sumatriptan", minimum: .contraindicated),
        Pair(a: "linezolid", b: "sertraline", minimum: .major),
        Pair(a: "linezolid", b: "citalopram", minimum: .major),
        Pair(a: "selegiline", b: "fluoxetine", minimum: .major),
        Pair(a: "selegiline", b: "tramadol", minimum: .major),
        Pair(a: "selegiline", b: "pseudoephedrine", minimum: .major),
        Pair(a: "fluoxetine", b: "tramadol", minimum: .moderate),
        Pair(a: "amiodarone", b: "haloperidol", minimum: .major),
        Pair(a: "amiodarone", b: "sotalol", minimum: .contraindicated),
        Pair(a: "amiodarone", b: "moxifloxacin", minimum: .contraindicated),
        Pair(a: "citalopram", b: "domperidone", minimum: .contraindicated),
        Pair(a: "escitalopram", b: "haloperidol", minimum: .contraindicated),
        Pair(a: "haloperidol", b: "methadone", minimum: .major),
        Pair(a: "ondansetron", b: "amiodarone", minimum: .major),
        Pair(a: "domperidone", b: "ketoconazole", minimum: .contraindicated),
        Pair(a: "spironolactone", b: "potassium chloride", minimum: .major),
        Pair(a: "enalapril", b: "potassium chloride", minimum: .major),
        Pair(a: "losartan", b: "spironolactone", minimum: .major),
        Pair(a: "lisinopril", b: "losartan", minimum: .major),
        Pair(a: "methotrexate", b: "trimethoprim", minimum: .major),
        Pair(a: "methotrexate", b: "sulfamethoxazole", minimum: .major),
        Pair(a: "methotrexate", b: "ibuprofen", minimum: .major),
        Pair(a: "theophylline", b: "ciprofloxacin", minimum: .moderate),
        Pair(a: "theophylline", b: "fluvoxamine", minimum: .major),
        Pair(a: "digoxin", b: "amiodarone", minimum: .moderate),
        Pair(a: "digoxin", b: "verapamil", minimum: .moderate),
        Pair(a: "allopurinol", b: "azathioprine", minimum: .major),
        Pair(a: "febuxostat", b: "mercaptopurine", minimum: .contraindicated),
        Pair(a: "atazanavir", b: "omeprazole", minimum: .contraindicated),
        Pair(a: "clopidogrel", b: "omeprazole", minimum: .major),
        Pair(a: "morphine", b: "diazepam", minimum: .major),
        Pair(a: "oxycodone", b: "alprazolam", minimum: .major),
        Pair(a: "codeine", b: "midazolam", minimum: .major),
        Pair(a: "fentanyl", b: "clarithromycin", minimum: .major),
        Pair(a: "lithium", b: "ibuprofen", minimum: .major),
        Pair(a: "lithium", b: "enalapril", minimum: .major),
        Pair(a: "rifampicin", b: "ritonavir", minimum: .contraindicated),
        Pair(a: "carbamazepine", b: "voriconazole", minimum: .contraindicated),
        Pair(a: "valproic acid", b: "meropenem", minimum: .major),
        Pair(a: "metoprolol", b: "verapamil", minimum: .major),
        Pair(a: "ibuprofen", b: "diclofenac", minimum: .major),
        Pair(a: "dabigatran", b: "ketoconazole", minimum: .contraindicated),
        Pair(a: "alprazolam", b: "ketoconazole", minimum: .contraindicated),
        Pair(a: "glibenclamide", b: "miconazole", minimum: .contraindicated),
        Pair(a: "warfarin", b: "paracetamol", minimum: .moderate),
    ]

    static let silentPairs: [(String, String)] = [
        ("paracetamol", "amoxicillin"), ("loratadine", "omeprazole"), ("metformin", "amlodipine"),
        ("cetirizine", "paracetamol"), ("salbutamol", "cefuroxime"),
    ]

    @Test("each well-known pair alerts at least at its expected severity, both ways round", arguments: Self.pairs)
    func knownPair(_ pair: Pair) throws {
        let index = try #require(InteractionTestSupport.committed?.index)
        let a = try #require(index.drug(named: pair.a), "\(pair.a) is not in the vocabulary")
        let b = try #require(index.drug(named: pair.b), "\(pair.b) is not in the vocabulary")
        for (first, second) in [(a, b), (b, a)] {
            let report = index.check(new: [first], active: [CheckedDrug(
                displayName: second.displayName, ingredients: second.ingredients, atcCodes: second.atcCodes,
                prescriptionCode: "RX-ACTIVE")])
            let highest = try #require(report.highestSeverity, "no alert for \(first.displayName) + \(second.displayName)")
            #expect(highest >= pair.minimum)
            #expect(report.alerts.first?.otherPrescriptionCode == "RX-ACTIVE")
            #expect(report.isBlocked == (highest == .contraindicated))
        }
    }

    @Test("common harmless pairs stay silent")
    func silentPairs() throws {
        let index = try #require(InteractionTestSupport.committed?.index)
        for (a, b) in Self.silentPairs {
            let drugs = try [#require(index.drug(named: a)), #require(index.drug(named: b))]
            #expect(index.check(new: drugs).alerts.isEmpty, "\(a) + \(b)")
        }
    }
}
