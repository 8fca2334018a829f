import RxDrugKnowledge
import Testing

@Suite("Duplicate therapy")
struct DuplicateTherapyTests {
    private typealias Support = InteractionTestSupport

    private func index() throws -> InteractionIndex {
        try Support.index(
            rules: ["atc:A02BC,atc:A02BC,moderate"],
            ingredients: ["paracetamol,N02BE01,acetaminophen", "omeprazole,A02BC01,omeprazol", "esomeprazole,A02BC05,"])
    }

    @Test("the same ingredient in two lines is a duplicate, also inside a combination product")
    func sameIngredient() throws {
        let index = try self.index()
        let plain = Support.drug("Paracetamol 500 mg", ["paracetamol"], line: 1)
        let cold = Support.drug("Cold remedy", ["acetaminophen", "pseudoephedrine", "chlorphenamine"], line: 2)
        let report = index.check(new: [plain, cold])
        #expect(report.alerts.count == 1)
        let alert = try #require(report.alerts.first)
        #expect(alert.kind == .duplicateIngredient)
        #expect(alert.severity == InteractionIndex.duplicateIngredientSeverity)
        #expect(alert.firstIngredient == "paracetamol" && alert.secondIngredient == "paracetamol")
        #expect(alert.rule == nil)
    }

    @Test("a duplicate with another facility's active prescription names its code")
    func acrossPrescriptions() throws {
        let index = try self.index()
        let report = index.check(
            new: [Support.drug("paracetamol", line: 1)],
            active: [Support.drug("Efferalgan", ["paracetamol"], line: 4, prescription: "01000ABCDEF-c")])
        #expect(report.alerts.map(\.kind) == [.duplicateIngredient])
        #expect(report.alerts.first?.otherPrescriptionCode == "01000ABCDEF-c")
    }

    @Test("two drugs of a duplication class alert; the same ingredient hides the class alert")
    func classDuplication() throws {
        let index = try self.index()
        let different = index.check(new: [Support.drug("omeprazole"), Support.drug("esomeprazole")])
        #expect(different.alerts.map(\.kind) == [.duplicateClass])
        let same = index.check(new: [Support.drug("omeprazole"), Support.drug("Omeprazol Stada", ["omeprazol"])])
        #expect(same.alerts.map(\.kind) == [.duplicateIngredient])
        #expect(index.check(new: [Support.drug("omeprazole")]).alerts.isEmpty)
    }

    @Test("ingredients the index does not know are still compared by name")
    func unknownIngredients() throws {
        let index = try self.index()
        let report = index.check(new: [Support.drug("Herbal A", ["Cao Actiso"]), Support.drug("Herbal B", ["cao actisô", "x"])])
        #expect(report.alerts.map(\.kind) == [.duplicateIngredient])
        #expect(report.alerts.first?.firstIngredient == "cao actiso")
        let activeOnly = index.check(
            new: [Support.drug("other", ["zzz"])],
            active: [Support.drug("A", ["cao actiso"], prescription: "RX-1"), Support.drug("B", ["cao actiso"], prescription: "RX-2")])
        #expect(activeOnly.alerts.isEmpty)
    }
}
