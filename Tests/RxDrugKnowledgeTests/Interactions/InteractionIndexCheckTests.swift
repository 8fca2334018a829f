import RxDrugKnowledge
import Testing

@Suite("Interaction checker mechanics (synthetic rules)")
struct InteractionIndexCheckTests {
    private typealias Support = InteractionTestSupport

    private func rules() throws -> InteractionIndex {
        try Support.index(
            rules: [
                "alpha,beta,major",
                "atc:C10AA,gamma,contraindicated",
                "atc:N06AB,atc:N06AF,contraindicated",
                "delta,atc:M01A,moderate",
            ],
            ingredients: ["statinol,C10AA99,statinum", "amlo,C08CA99,"])
    }

    @Test("an ingredient–ingredient rule fires whichever side comes first")
    func ingredientPairBothWays() throws {
        let index = try self.rules()
        for (x, y) in [("alpha", "beta"), ("beta", "alpha")] {
            let report = index.check(new: [Support.drug(x, line: 1), Support.drug(y, line: 2)])
            #expect(report.alerts.count == 1)
            #expect(report.alerts.first?.rule?.id == "T-1")
            #expect(report.alerts.first?.first.displayName == x)
            #expect(report.alerts.first?.severity == .major)
        }
    }

    @Test("an ingredient–class rule fires both ways round and names the matched ingredients")
    func ingredientClassBothWays() throws {
        let index = try self.rules()
        let statin = Support.drug("Statinex 20 mg", ["statinx"], atc: ["C10AA42"])
        let gamma = Support.drug("gamma")
        for pair in [[statin, gamma], [gamma, statin]] {
            let report = index.check(new: pair)
            #expect(report.alerts.map(\.rule?.id) == ["T-2"])
            #expect(Set([report.alerts[0].firstIngredient, report.alerts[0].secondIngredient]) == ["statinx", "gamma"])
        }
        let delta = index.check(new: [Support.drug("pain", ["painol"], atc: ["M01AE99"]), Support.drug("delta")])
        #expect(delta.alerts.map(\.rule?.id) == ["T-4"])
    }

    @Test("a class rule reaches an ingredient inside a combination product through the vocabulary")
    func classRuleThroughCombination() throws {
        let index = try self.rules()
        let combination = Support.drug("Amlo+Statinol", ["amlo", "Statinum"], atc: ["C10BX99"])
        let report = index.check(new: [combination, Support.drug("gamma")])
        #expect(report.alerts.map(\.rule?.id) == ["T-2"])
        #expect(report.alerts.first?.firstIngredient == "statinol")
    }

    @Test("a class–class rule fires and unrelated drugs stay silent")
    func classPairAndSilence() throws {
        let index = try self.rules()
        let report = index.check(new: [Support.drug("ssri", ["s"], atc: ["N06AB01"]), Support.drug("maoi", ["m"], atc: ["N06AF01"])])
        #expect(report.alerts.map(\.rule?.id) == ["T-3"])
        #expect(report.isBlocked)
        let silent = index.check(new: [Support.drug("alpha"), Support.drug("gamma"), Support.drug("delta")])
        #expect(silent.alerts.isEmpty)
    }

    @Test("new lines are checked against active lines, active lines are not checked among themselves")
    func crossPrescriptionPairs() throws {
        let index = try self.rules()
        let active = [
            Support.drug("alpha", line: 1, prescription: "RX-OLD-1"),
            Support.drug("beta", line: 2, prescription: "RX-OLD-1"),
        ]
        #expect(index.check(new: [Support.drug("omega", line: 1)], active: active).alerts.isEmpty)
        let report = index.check(new: [Support.drug("beta", ["beta"], line: 3)], active: [active[0]])
        #expect(report.alerts.count == 1)
        #expect(report.alerts.first?.otherPrescriptionCode == "RX-OLD-1")
        #expect(report.alerts.first?.isCrossPrescription == true)
        #expect(report.alerts.first?.first.displayName == "beta")
        #expect(report.alerts.first?.summary.contains("RX-OLD-1") == true)
        #expect(index.check(new: [], active: active).alerts.isEmpty)
    }

    @Test("one alert per pair and rule even when a drug matches a rule through several keys")
    func deduplicatesPerPairAndRule() throws {
        let index = try Support.index(rules: ["atc:C10AA,gamma,major"])
        let statin = Support.drug("statin", ["statinx"], atc: ["C10AA01", "C10AA02"])
        #expect(index.check(new: [statin, Support.drug("gamma")]).alerts.count == 1)
    }

    @Test("alerts are ordered by severity, then by line")
    func deterministicOrder() throws {
        let index = try self.rules()
        let new = [
            Support.drug("delta", line: 1), Support.drug("alpha", line: 2), Support.drug("pain", ["p"], atc: ["M01AE01"], line: 3),
            Support.drug("beta", line: 4), Support.drug("gamma", line: 5), Support.drug("statin", ["s"], atc: ["C10AA01"], line: 6),
        ]
        let report = index.check(new: new)
        #expect(report.alerts.map(\.rule?.id) == ["T-2", "T-1", "T-4"])
        #expect(report.alerts.map(\.severity) == [.contraindicated, .major, .moderate])
        #expect(index.check(new: new.reversed()).alerts.map(\.rule?.id) == ["T-2", "T-1", "T-4"])
    }

    @Test("more than 64 lines are handled (multi-word bitsets)")
    func manyLines() throws {
        let index = try self.rules()
        let filler = (0..<70).map { Support.drug("filler\($0)", prescription: "RX-\($0)") }
        let report = index.check(
            new: [Support.drug("alpha", line: 1)], active: filler + [Support.drug("beta", prescription: "RX-LAST")])
        #expect(report.alerts.count == 1)
        #expect(report.alerts.first?.otherPrescriptionCode == "RX-LAST")
        let many = (0..<66).map { Support.drug("filler\($0)") } + [Support.drug("alpha"), Support.drug("beta")]
        #expect(index.check(new: many).alerts.count == 1)
    }

    @Test("prepared drugs give the same report as raw drugs")
    func preparedMatchesRaw() throws {
        let index = try self.rules()
        let new = [Support.drug("alpha"), Support.drug("statin", ["s"], atc: ["C10AA01"])]
        let active = [Support.drug("beta", prescription: "RX-1"), Support.drug("gamma", prescription: "RX-2")]
        let raw = index.check(new: new, active: active)
        let prepared = index.check(prepared: new.map(index.prepare), active: active.map(index.prepare))
        #expect(raw == prepared)
        #expect(raw.alerts.count == 2)
        #expect(index.matchCount(prepared: new.map(index.prepare), active: active.map(index.prepare)) == 2)
    }
}
