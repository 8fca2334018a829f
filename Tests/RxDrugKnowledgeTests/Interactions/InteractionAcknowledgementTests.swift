import RxDrugKnowledge
import Testing

@Suite("Blocking and overrides")
struct InteractionAcknowledgementTests {
    private typealias Support = InteractionTestSupport

    private func index() throws -> InteractionIndex {
        try Support.index(
            rules: ["simvastatin,clarithromycin,contraindicated", "warfarin,ibuprofen,major"],
            ingredients: ["simvastatin,C10AA01,simvastatine", "clarithromycin,J01FA09,"])
    }

    @Test("a contraindicated pair blocks without an override")
    func blocksWithoutOverride() throws {
        let report = try self.index().check(new: [Support.drug("simvastatin"), Support.drug("clarithromycin")])
        #expect(report.isBlocked)
        #expect(report.blocking.count == 1)
        #expect(report.overridden.isEmpty)
    }

    @Test("an override for the pair, in either order and by synonym, unblocks it and is handed back")
    func passesWithOverride() throws {
        let index = try self.index()
        let drugs = [Support.drug("Zocor", ["simvastatin"]), Support.drug("clarithromycin", prescription: "RX-9")]
        for acknowledgement in [
            InteractionAcknowledgement("simvastatin", "clarithromycin", reason: "short course, statin paused"),
            InteractionAcknowledgement("Clarithromycin", "SIMVASTATINE", reason: "reviewed"),
        ] {
            let report = index.check(new: [drugs[0]], active: [drugs[1]], overrides: [acknowledgement])
            #expect(!report.isBlocked)
            #expect(report.blocking.isEmpty)
            #expect(report.overridden.count == 1)
            #expect(report.overridden.first?.acknowledgement == acknowledgement)
            #expect(report.alerts.count == 1)
        }
    }

    @Test("an override for another pair does not unblock")
    func unrelatedOverride() throws {
        let report = try self.index().check(
            new: [Support.drug("simvastatin"), Support.drug("clarithromycin"), Support.drug("warfarin"), Support.drug("ibuprofen")],
            overrides: [("warfarin", "ibuprofen")])
        #expect(report.isBlocked)
        #expect(report.blocking.map(\.rule?.id) == ["T-1"])
        #expect(report.overridden.map(\.rule?.id) == ["T-2"])
        #expect(report.overridden.first?.isBlocking == false)
    }
}
