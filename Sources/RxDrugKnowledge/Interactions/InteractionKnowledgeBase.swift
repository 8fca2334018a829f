import Foundation

/// The interaction knowledge base as reviewed data: the rules and the ingredient vocabulary, validated.
///
/// It comes from two files kept in the repository (`tools/sample-data/interactions.csv` and
/// `tools/sample-data/ingredient-synonyms.csv`, columns in ``ruleColumns`` and ``ingredientColumns``), is
/// stored in SQLite by the importer (see `InteractionKnowledgeBase+Store.swift`), and is turned into an
/// ``InteractionIndex`` for checking. Loading reports every bad row with its line number and reason.
public struct InteractionKnowledgeBase: Sendable, Hashable {
    /// The rules, in file order.
    public let rules: [InteractionRule]
    /// The ingredient vocabulary, in file order.
    public let ingredients: [IngredientEntry]

    /// Wraps already validated rules and vocabulary (tests and the SQLite loader use this).
    public init(rules: [InteractionRule], ingredients: [IngredientEntry] = []) {
        self.rules = rules
        self.ingredients = ingredients
    }

    /// The header of the rules file.
    public static let ruleColumns = ["id", "side_a", "side_b", "severity", "category", "effect", "mechanism", "management", "source"]
    /// The header of the ingredient vocabulary file; ATC codes are separated by spaces, synonyms by `|`.
    public static let ingredientColumns = ["ingredient", "atc_codes", "synonyms"]

    /// Reads and validates both files.
    ///
    /// - Throws: ``InteractionDataError`` listing every unreadable file and every bad row.
    public static func load(rulesFile: String, ingredientsFile: String) throws(InteractionDataError) -> InteractionKnowledgeBase {
        let rulesText = try Self.read(rulesFile)
        let ingredientsText = try Self.read(ingredientsFile)
        return try Self.parse(
            rulesCSV: rulesText, ingredientsCSV: ingredientsText,
            rulesSource: rulesFile, ingredientsSource: ingredientsFile)
    }

    /// Validates the text of both files.
    ///
    /// Checks, per row: the column count, a unique id, sides that are an INN or `atc:` + a well-formed
    /// ATC prefix, a known severity and category, non-empty effect and source, and that no two rules
    /// name the same pair of sides. For the vocabulary: INN syntax, complete ATC codes, no ingredient
    /// listed twice and no synonym pointing at two ingredients.
    ///
    /// - Throws: ``InteractionDataError`` with one problem per bad row (a row may have several).
    public static func parse(
        rulesCSV: String, ingredientsCSV: String = "", rulesSource: String = "interactions.csv",
        ingredientsSource: String = "ingredient-synonyms.csv"
    ) throws(InteractionDataError) -> InteractionKnowledgeBase {
        var problems: [InteractionDataError.Problem] = []
        let rules = Self.parseRules(try CSVRecords(text: rulesCSV, source: rulesSource), source: rulesSource, problems: &problems)
        let ingredients: [IngredientEntry]
        if ingredientsCSV.isEmpty {
            ingredients = []
        } else {
            ingredients = Self.parseIngredients(
                try CSVRecords(text: ingredientsCSV, source: ingredientsSource), source: ingredientsSource,
                problems: &problems)
        }
        guard problems.isEmpty else {
            throw InteractionDataError(problems: problems)
        }
        return InteractionKnowledgeBase(rules: rules, ingredients: ingredients)
    }

    private static func read(_ path: String) throws(InteractionDataError) -> String {
        do {
            return try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw InteractionDataError(source: path, reason: "cannot read file: \(error.localizedDescription)")
        }
    }

    private static func parseRules(
        _ csv: CSVRecords, source: String, problems: inout [InteractionDataError.Problem]
    ) -> [InteractionRule] {
        guard let header = csv.records.first, header.fields == Self.ruleColumns else {
            problems.append(.init(source: source, line: 1, reason: "header must be: " + Self.ruleColumns.joined(separator: ",")))
            return []
        }
        var rows = RuleRows(source: source, expectedCount: csv.records.count - 1)
        for record in csv.records.dropFirst() {
            guard record.fields.count == Self.ruleColumns.count else {
                problems.append(.init(
                    source: source, line: record.line,
                    reason: "expected \(Self.ruleColumns.count) fields, found \(record.fields.count)"))
                continue
            }
            rows.add(record.fields.map(Self.trimmed), line: record.line, problems: &problems)
        }
        return rows.rules
    }

    private static func parseIngredients(
        _ csv: CSVRecords, source: String, problems: inout [InteractionDataError.Problem]
    ) -> [IngredientEntry] {
        guard let header = csv.records.first, header.fields == Self.ingredientColumns else {
            problems.append(.init(source: source, line: 1, reason: "header must be: " + Self.ingredientColumns.joined(separator: ",")))
            return []
        }
        var rows = IngredientRows(source: source)
        for record in csv.records.dropFirst() {
            guard record.fields.count == Self.ingredientColumns.count else {
                problems.append(.init(
                    source: source, line: record.line,
                    reason: "expected \(Self.ingredientColumns.count) fields, found \(record.fields.count)"))
                continue
            }
            rows.add(record.fields, line: record.line, problems: &problems)
        }
        return rows.entries
    }
}
