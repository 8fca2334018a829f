import Foundation
import Logging
import RxDrugKnowledge
import RxStore
import Testing

@Suite("Interaction knowledge base in SQLite")
struct InteractionKnowledgeBaseStoreTests {
    private func withConnection(_ body: (SQLiteConnection) throws -> Void) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rx-interactions-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let connection = try SQLiteConnection(
            path: directory.appendingPathComponent("kb.sqlite3").path, mode: .readWrite, logger: Logger(label: "test"))
        defer { connection.close() }
        for migration in InteractionKnowledgeBase.interactionMigrations {
            try connection.execute(migration.sql)
        }
        try body(connection)
    }

    @Test("migrations are numbered in the interaction checker's range")
    func migrationRange() {
        #expect(InteractionKnowledgeBase.interactionMigrations.allSatisfy { (200..<300).contains($0.version) })
    }

    @Test("the committed knowledge base survives a round trip through SQLite and builds the same index")
    func roundTrip() throws {
        let original = try #require(InteractionTestSupport.committed?.knowledgeBase)
        try self.withConnection { connection in
            try connection.immediateTransaction { try original.replaceStored(in: $0) }
            let loaded = try InteractionKnowledgeBase.loadStored(from: connection)
            #expect(loaded == original)
            try connection.immediateTransaction { try original.replaceStored(in: $0) }
            #expect(try connection.scalar("SELECT count(*) FROM interaction_rule").int64Value == Int64(original.rules.count))
            let index = InteractionIndex(knowledgeBase: loaded)
            let drugs = try ["simvastatin", "clarithromycin"].map { try #require(index.drug(named: $0)) }
            #expect(index.check(new: drugs).isBlocked)
        }
    }

    @Test("a bad stored row is reported with its table and position")
    func badStoredRow() throws {
        try self.withConnection { connection in
            try connection.run(
                "INSERT INTO interaction_rule VALUES ('X1', 0, 'warfarin', 'atc:B0', 'major', 'other', 'E', 'M', 'G', 'S')")
            do {
                _ = try InteractionKnowledgeBase.loadStored(from: connection)
                Issue.record("expected the stored row to be refused")
            } catch let error as InteractionDataError {
                #expect(error.problems.first?.source == "interaction_rule")
                #expect(error.problems.first?.line == 2)
            }
        }
    }

    @Test("stored rows are read from their columns: blanks trimmed, a pair stored twice (either order) refused")
    func storedColumns() throws {
        try self.withConnection { connection in
            try connection.run(
                "INSERT INTO interaction_rule VALUES (' X1 ', 0, 'warfarin ', ' atc:B01AC', 'major', 'bleeding', ' E ', 'M', 'G', 'S')")
            let loaded = try InteractionKnowledgeBase.loadStored(from: connection)
            let rule = try #require(loaded.rules.first)
            #expect(rule.id == "X1")
            #expect(rule.sideA == .ingredient("warfarin"))
            #expect(rule.sideB == .atcPrefix("B01AC"))
            #expect(rule.effect == "E")
            try connection.run(
                "INSERT INTO interaction_rule VALUES ('X2', 1, 'atc:B01AC', 'warfarin', 'minor', 'other', 'E', 'M', 'G', 'S')")
            do {
                _ = try InteractionKnowledgeBase.loadStored(from: connection)
                Issue.record("expected the second rule for the same pair to be refused")
            } catch let error as InteractionDataError {
                #expect(error.problems.map(\.line) == [3])
                #expect(error.problems.first?.reason.contains("already has a rule on line 2") == true)
            }
        }
    }
}
