import Foundation
import RxStore

extension InteractionKnowledgeBase {
    /// The schema for the stored knowledge base, numbered in the interaction checker's range (200–299).
    ///
    /// `Migrations` requires versions without gaps, so the application renumbers these when it appends
    /// them to its list; the SQL does not depend on the number.
    public static let interactionMigrations: [Migration] = [
        Migration(
            version: 200, name: "interaction knowledge base",
            sql: """
                CREATE TABLE interaction_rule (
                    id TEXT PRIMARY KEY NOT NULL,
                    position INTEGER NOT NULL UNIQUE,
                    side_a TEXT NOT NULL,
                    side_b TEXT NOT NULL,
                    severity TEXT NOT NULL CHECK (severity IN ('minor', 'moderate', 'major', 'contraindicated')),
                    category TEXT NOT NULL,
                    effect TEXT NOT NULL,
                    mechanism TEXT NOT NULL,
                    management TEXT NOT NULL,
                    source TEXT NOT NULL
                ) WITHOUT ROWID;
                CREATE TABLE interaction_ingredient (
                    ingredient TEXT PRIMARY KEY NOT NULL,
                    position INTEGER NOT NULL UNIQUE,
                    atc_codes TEXT NOT NULL,
                    synonyms TEXT NOT NULL
                ) WITHOUT ROWID;
                """)
    ]

    /// Replaces the stored knowledge base with this one.
    ///
    /// Run it inside one transaction (the body of a `Store.write`), so readers see the old or the new
    /// knowledge base, never a mix.
    public func replaceStored(in connection: SQLiteConnection) throws {
        try connection.run("DELETE FROM interaction_rule")
        try connection.run("DELETE FROM interaction_ingredient")
        try connection.withStatement(
            """
            INSERT INTO interaction_rule
                (id, position, side_a, side_b, severity, category, effect, mechanism, management, source)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """
        ) { statement in
            for (position, rule) in self.rules.enumerated() {
                try statement.bind([
                    .text(rule.id), .integer(Int64(position)), .text(rule.sideA.fileNotation),
                    .text(rule.sideB.fileNotation), .text(rule.severity.name), .text(rule.category.rawValue),
                    .text(rule.effect), .text(rule.mechanism), .text(rule.management), .text(rule.source),
                ])
                try statement.step()
                statement.reset()
            }
        }
        try connection.withStatement(
            "INSERT INTO interaction_ingredient (ingredient, position, atc_codes, synonyms) VALUES (?, ?, ?, ?)"
        ) { statement in
            for (position, entry) in self.ingredients.enumerated() {
                try statement.bind([
                    .text(entry.ingredient), .integer(Int64(position)), .text(entry.atcCodes.joined(separator: " ")),
                    .text(entry.synonyms.joined(separator: "|")),
                ])
                try statement.step()
                statement.reset()
            }
        }
    }

    /// Reads the stored knowledge base back, validating every row as the file loader does.
    ///
    /// Rows go from their columns straight into the same row checks the file loader uses (no CSV text in
    /// between); row N of a table is reported as line N + 1, as if the table were a file with a header.
    ///
    /// - Throws: ``InteractionDataError`` naming the table and row position of every bad row, or the
    ///   SQLite failure.
    public static func loadStored(from connection: SQLiteConnection) throws(InteractionDataError) -> InteractionKnowledgeBase {
        var problems: [InteractionDataError.Problem] = []
        var rules = RuleRows(source: "interaction_rule")
        var ingredients = IngredientRows(source: "interaction_ingredient")
        do {
            let count = Int(try connection.scalar("SELECT count(*) FROM interaction_rule").int64Value ?? 0)
            // `id` is the table's primary key: no two stored rows share one.
            rules = RuleRows(source: "interaction_rule", expectedCount: count, idsKnownUnique: true)
            try connection.withStatement(
                """
                SELECT id, side_a, side_b, severity, category, effect, mechanism, management, source
                FROM interaction_rule ORDER BY position
                """
            ) { statement in
                var line = 1
                try statement.forEachRow { row in
                    line += 1
                    rules.add((0..<9).map { Self.trimmed(row.string(at: $0) ?? "") }, line: line, problems: &problems)
                }
            }
            try connection.withStatement(
                "SELECT ingredient, atc_codes, synonyms FROM interaction_ingredient ORDER BY position"
            ) { statement in
                var line = 1
                try statement.forEachRow { row in
                    line += 1
                    ingredients.add((0..<3).map { row.string(at: $0) ?? "" }, line: line, problems: &problems)
                }
            }
        } catch {
            throw InteractionDataError(source: connection.path, reason: "reading the stored knowledge base failed: \(error)")
        }
        guard problems.isEmpty else {
            throw InteractionDataError(problems: problems)
        }
        return InteractionKnowledgeBase(rules: rules.rules, ingredients: ingredients.entries)
    }
}
