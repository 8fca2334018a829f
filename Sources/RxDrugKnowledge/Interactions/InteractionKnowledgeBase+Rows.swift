import Foundation

extension InteractionKnowledgeBase {
    /// Validates rule rows one by one, whichever way they arrive (a CSV file or the SQLite table), so both
    /// loaders apply the same rules and report problems the same way.
    struct RuleRows {
        let source: String
        private(set) var rules: [InteractionRule] = []
        private var lineOfID: [String: Int] = [:]
        private var lineOfPair: [SidePair: Int] = [:]

        /// Whether ids still need checking for uniqueness (the stored table's primary key already
        /// guarantees it).
        private let checksIDs: Bool

        init(source: String, expectedCount: Int = 0, idsKnownUnique: Bool = false) {
            self.source = source
            self.checksIDs = !idsKnownUnique
            self.rules.reserveCapacity(expectedCount)
            if self.checksIDs {
                self.lineOfID.reserveCapacity(expectedCount)
            }
            self.lineOfPair.reserveCapacity(expectedCount)
        }

        /// Checks one row of ``InteractionKnowledgeBase/ruleColumns`` fields (trimmed) and keeps its rule
        /// when it is good; otherwise adds every reason to `problems`.
        mutating func add(_ field: [String], line: Int, problems: inout [InteractionDataError.Problem]) {
            var reasons = RowValidator(source: self.source, line: line)
            let id = field[0]
            if id.isEmpty {
                reasons.add("empty id")
            } else if self.checksIDs, let first = self.lineOfID[id] {
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
                let pair = SidePair(sideA, sideB)
                if let first = self.lineOfPair[pair] {
                    reasons.add("the pair \(sideA) + \(sideB) already has a rule on line \(first)")
                } else {
                    self.lineOfPair[pair] = line
                }
            }
            guard reasons.problems.isEmpty, let sideA, let sideB, let severity, let category else {
                problems += reasons.problems
                return
            }
            if self.checksIDs {
                self.lineOfID[id] = line
            }
            self.rules.append(
                InteractionRule(
                    id: id, sideA: sideA, sideB: sideB, severity: severity, category: category, effect: field[5],
                    mechanism: field[6], management: field[7], source: field[8]))
        }
    }

    /// Validates vocabulary rows one by one (see ``RuleRows``).
    struct IngredientRows {
        let source: String
        private(set) var entries: [IngredientEntry] = []
        private var lineOfIngredient: [String: Int] = [:]
        private var ownerOfSynonym: [String: String] = [:]

        init(source: String) {
            self.source = source
        }

        /// Checks one row of ``InteractionKnowledgeBase/ingredientColumns`` fields (untrimmed).
        mutating func add(_ field: [String], line: Int, problems: inout [InteractionDataError.Problem]) {
            var reasons = RowValidator(source: self.source, line: line)
            let ingredient = InteractionKnowledgeBase.trimmed(field[0])
            if !IngredientName.isCanonical(ingredient) {
                reasons.add("ingredient '\(ingredient)' is not a lowercase INN")
            } else if let first = self.lineOfIngredient[ingredient] {
                reasons.add("ingredient '\(ingredient)' already listed on line \(first)")
            }
            let codes = field[1].split(separator: " ").map(String.init)
            for code in codes where !ATCCode.isValid(code) {
                reasons.add("ATC code '\(code)' is not a complete 7-character WHO code")
            }
            let synonyms = field[2].isEmpty
                ? [] : field[2].split(separator: "|", omittingEmptySubsequences: false).map { InteractionKnowledgeBase.trimmed(String($0)) }
            for synonym in synonyms {
                let key = IngredientName.lookupKey(synonym)
                if key.isEmpty {
                    reasons.add("empty synonym")
                } else if let owner = self.ownerOfSynonym[key], owner != ingredient {
                    reasons.add("synonym '\(synonym)' already names '\(owner)'")
                } else {
                    self.ownerOfSynonym[key] = ingredient
                }
            }
            guard reasons.problems.isEmpty else {
                problems += reasons.problems
                return
            }
            self.lineOfIngredient[ingredient] = line
            self.entries.append(IngredientEntry(ingredient: ingredient, atcCodes: codes, synonyms: synonyms))
        }
    }

    /// `text` without surrounding blanks (spaces and tabs); returns `text` itself, without going through
    /// Foundation, when there are none — the common case for every stored field.
    static func trimmed(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else {
            return text
        }
        if first.isASCII && first != " " && first != "\t" && last.isASCII && last != " " && last != "\t" {
            return text
        }
        return text.trimmingCharacters(in: .whitespaces)
    }
}

/// The two sides of a rule in either order: the key that finds a second rule for the same pair without
/// building a `Set` per rule.
struct SidePair: Hashable {
    let first: InteractionRule.Side
    let second: InteractionRule.Side

    init(_ first: InteractionRule.Side, _ second: InteractionRule.Side) {
        self.first = first
        self.second = second
    }

    static func == (lhs: SidePair, rhs: SidePair) -> Bool {
        (lhs.first == rhs.first && lhs.second == rhs.second) || (lhs.first == rhs.second && lhs.second == rhs.first)
    }

    func hash(into hasher: inout Hasher) {
        // Order-independent: the sum of the two sides' hashes.
        hasher.combine(self.first.hashValue &+ self.second.hashValue)
    }
}

/// Collects the reasons one row is bad.
struct RowValidator {
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
