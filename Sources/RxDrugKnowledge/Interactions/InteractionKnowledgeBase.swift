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
        var rules: [InteractionRule] = []
        var lineOfID: [String: Int] = [:]
        var lineOfPair: [Set<InteractionRule.Side>: Int] = [:]
        for record in csv.records.dropFirst() {
            var reasons = RowValidator(source: source, line: record.line)
            guard record.fields.count == Self.ruleColumns.count else {
                reasons.add("expected \(Self.ruleColumns.count) fields, found \(record.fields.count)")
                problems += reasons.problems
                continue
            }
            let field = record.fields.map { $0.trimmingCharacters(in: .whitespaces) }
            let id = field[0]
            if id.isEmpty {
                reasons.add("empty id")
            } else if let first = lineOfID[id] {
                reasons.add("id \(id) already used on line \(first)")
            }
            let sideA = InteractionRule.Side(fileNotation: field[1])
            let sideB = InteractionRule.Side(fileNotation: field[2])
            if sideA == nil { reasons.add("side_a '\(field[1])' is neither a lowercase INN nor atc:<ATC prefix of 1, 3, 4, 5 or 7 characters>") }
            if sideB == nil { reasons.add("side_b '\(field[2])' is neither a lowercase INN nor atc:<ATC prefix of 1, 3, 4, 5 or 7 characters>") }
            if case .ingredient(let a)? = sideA, case .ingredient(let b)? = sideB, a == b {
                reasons.add("both sides are the ingredient '\(a)': same-ingredient duplication is built in, not a rule")
            }
            let severity = InteractionSeverity(name: field[3])
            if severity == nil {
                reasons.add("severity '\(field[3])' is not one of " + InteractionSeverity.allCases.map(\.name).joined(separator: ", "))
            }
            let category = InteractionRule.Category(rawValue: field[4])
            if category == nil {
                reasons.add("category '\(field[4])' is not one of " + InteractionRule.Category.allCases.map(\.rawValue).joined(separator: ", "))
            }
            if field[5].isEmpty { reasons.add("empty effect") }
            if field[8].isEmpty { reasons.add("empty source: every rule cites a public source") }
            if let sideA, let sideB {
                let pair: Set<InteractionRule.Side> = [sideA, sideB]
                if let first = lineOfPair[pair] {
                    reasons.add("the pair \(sideA) + \(sideB) already has a rule on line \(first)")
                } else {
                    lineOfPair[pair] = record.line
                }
            }
            guard reasons.problems.isEmpty, let sideA, let sideB, let severity, let category else {
                problems += reasons.problems
                continue
            }
            lineOfID[id] = record.line
            rules.append(
                InteractionRule(
                    id: id, sideA: sideA, sideB: sideB, severity: severity, category: category, effect: field[5],
                    mechanism: field[6], management: field[7], source: field[8]))
        }
        return rules
    }

    private static func parseIngredients(
        _ csv: CSVRecords, source: String, problems: inout [InteractionDataError.Problem]
    ) -> [IngredientEntry] {
        guard let header = csv.records.first, header.fields == Self.ingredientColumns else {
            problems.append(.init(source: source, line: 1, reason: "header must be: " + Self.ingredientColumns.joined(separator: ",")))
            return []
        }
        var entries: [IngredientEntry] = []
        var lineOfIngredient: [String: Int] = [:]
        var ownerOfSynonym: [String: String] = [:]
        for record in csv.records.dropFirst() {
            var reasons = RowValidator(source: source, line: record.line)
            guard record.fields.count == Self.ingredientColumns.count else {
                reasons.add("expected \(Self.ingredientColumns.count) fields, found \(record.fields.count)")
                problems += reasons.problems
                continue
            }
            let ingredient = record.fields[0].trimmingCharacters(in: .whitespaces)
            if !IngredientName.isCanonical(ingredient) {
                reasons.add("ingredient '\(ingredient)' is not a lowercase INN")
            } else if let first = lineOfIngredient[ingredient] {
                reasons.add("ingredient '\(ingredient)' already listed on line \(first)")
            }
            let codes = record.fields[1].split(separator: " ").map(String.init)
            for code in codes where !ATCCode.isValid(code) {
                reasons.add("ATC code '\(code)' is not a complete 7-character WHO code")
            }
            let synonyms = record.fields[2].isEmpty
                ? [] : record.fields[2].split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            for synonym in synonyms {
                let key = IngredientName.lookupKey(synonym)
                if key.isEmpty {
                    reasons.add("empty synonym")
                } else if let owner = ownerOfSynonym[key], owner != ingredient {
                    reasons.add("synonym '\(synonym)' already names '\(owner)'")
                } else {
                    ownerOfSynonym[key] = ingredient
                }
            }
            guard reasons.problems.isEmpty else {
                problems += reasons.problems
                continue
            }
            lineOfIngredient[ingredient] = record.line
            entries.append(IngredientEntry(ingredient: ingredient, atcCodes: codes, synonyms: synonyms))
        }
        return entries
    }
}

/// Collects the reasons one row is bad.
private struct RowValidator {
    let source: String
    let line: Int
    private(set) var problems: [InteractionDataError.Problem] = []

    init(source: String, line: Int) {
        self.source = source
        self.line = line
    }

    mutating func add(_ reason: String) {
        self.problems.append(InteractionDataError.Problem(source: self.source, line: self.line, reason: reason))
    }
}
