import RxDrugKnowledge
import Testing

@Suite("Interaction knowledge base files")
struct InteractionKnowledgeBaseTests {
    private let header = InteractionTestSupport.header

    @Test("a valid file parses into rules with both kinds of side")
    func parsesValidRows() throws {
        let csv = header + "\n"
            + "R1,simvastatin,clarithromycin,contraindicated,cyp3a4,Rhabdomyolysis,CYP3A4,Do not combine,ANSM\n"
            + "R2,atc:B01AA,\"acetylsalicylic acid\",major,bleeding,\"Bleeding, gastrointestinal\",\"Two \"\"effects\"\"\",Avoid,ANSM\n"
        let knowledgeBase = try InteractionKnowledgeBase.parse(rulesCSV: csv)
        #expect(knowledgeBase.rules.count == 2)
        #expect(knowledgeBase.rules[1].sideA == .atcPrefix("B01AA"))
        #expect(knowledgeBase.rules[1].sideB == .ingredient("acetylsalicylic acid"))
        #expect(knowledgeBase.rules[1].effect == "Bleeding, gastrointestinal")
        #expect(knowledgeBase.rules[1].mechanism == "Two \"effects\"")
        #expect(knowledgeBase.rules[0].severity == .contraindicated)
    }

    @Test("every bad row is reported with its line number and reason")
    func reportsEveryBadRow() {
        let csv = header + "\n"
            + "R1,simvastatin,clarithromycin,contraindicated,cyp3a4,E,M,G,S\n"
            + "R2,Simvastatin,atc:C1,major,other,E,M,G,S\n"
            + "R3,warfarin,atc:B01AAX,fatal,other,E,M,G,S\n"
            + "R1,clarithromycin,simvastatin,major,cyp3a4,E,M,G,S\n"
            + "R5,warfarin,ibuprofen,major,other,E,M,G,\n"
            + "R6,warfarin,ibuprofen\n"
        do {
            _ = try InteractionKnowledgeBase.parse(rulesCSV: csv)
            Issue.record("expected the file to be refused")
        } catch {
            let lines = Set(error.problems.map(\.line))
            #expect(lines == [3, 4, 5, 6, 7])
            let text = error.problems.map(\.description).joined(separator: "\n")
            #expect(text.contains("interactions.csv:3: side_a 'Simvastatin'"))
            #expect(text.contains("side_b 'atc:C1'"))
            #expect(text.contains("severity 'fatal'"))
            #expect(text.contains("id R1 already used on line 2"))
            #expect(text.contains("already has a rule on line 2"))
            #expect(text.contains("empty source"))
            #expect(text.contains("expected 9 fields, found 3"))
        }
    }

    @Test("a wrong header is refused")
    func refusesWrongHeader() {
        #expect(throws: InteractionDataError.self) {
            _ = try InteractionKnowledgeBase.parse(rulesCSV: "id,a,b\nR1,x,y\n")
        }
    }

    @Test("an unterminated quoted field is refused with its line")
    func refusesOpenQuote() {
        do {
            _ = try InteractionKnowledgeBase.parse(rulesCSV: header + "\nR1,\"warfarin,ibuprofen,major,other,E,M,G,S\n")
            Issue.record("expected the file to be refused")
        } catch {
            #expect(error.problems.first?.line == 2)
        }
    }

    @Test("a synonym naming two ingredients is refused")
    func refusesAmbiguousSynonym() {
        let vocabulary = "ingredient,atc_codes,synonyms\nparacetamol,N02BE01,acetaminophen\nibuprofen,M01AE01,Acetaminophen\n"
        do {
            _ = try InteractionKnowledgeBase.parse(rulesCSV: header + "\n", ingredientsCSV: vocabulary)
            Issue.record("expected the vocabulary to be refused")
        } catch {
            #expect(error.problems.map(\.line) == [3])
        }
    }

    @Test("the committed knowledge base loads and meets the coverage floor")
    func committedFileLoads() throws {
        let knowledgeBase = try InteractionKnowledgeBase.load(
            rulesFile: InteractionTestSupport.rulesFile, ingredientsFile: InteractionTestSupport.ingredientsFile)
        #expect(knowledgeBase.rules.count >= 300)
        for severity in InteractionSeverity.allCases {
            #expect(knowledgeBase.rules.contains { $0.severity == severity })
        }
        for category in InteractionRule.Category.allCases {
            #expect(knowledgeBase.rules.contains { $0.category == category }, "no rule in category \(category)")
        }
        #expect(knowledgeBase.rules.contains { $0.source.contains("ONC high-priority") })
        #expect(knowledgeBase.rules.allSatisfy { !$0.source.isEmpty })
        #expect(knowledgeBase.ingredients.count >= 100)
    }
}
