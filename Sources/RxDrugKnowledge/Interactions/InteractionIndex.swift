/// An immutable, precomputed snapshot of the knowledge base, built once per load and shared by every
/// check without locks (swap the whole snapshot on reload).
///
/// Every ingredient and every ATC prefix a rule names gets a small integer key. Rules are stored in a
/// compressed adjacency list keyed by their first side, so a check touches only the rules whose first
/// side appears among the drugs checked, and compares integers, never strings. A drug's keys are its
/// ingredients, the ATC prefixes of its own codes (walking the 1/3/4/5/7-character levels), and the
/// prefixes of its ingredients' codes from the vocabulary — which is how a class rule reaches the
/// statin inside a combination product.
public final class InteractionIndex: Sendable {
    /// The rules, in knowledge-base order; alerts refer to them.
    public let rules: [InteractionRule]
    /// The number of ingredient keys; keys `0..<ingredientCount` are ingredients, the rest ATC prefixes.
    let ingredientCount: Int
    /// Ingredient key → INN.
    let ingredientNames: [String]
    /// INN → ingredient key.
    let ingredientKeys: [String: Int32]
    /// ATC prefix named by a rule → key.
    let atcKeys: [String: Int32]
    /// Lookup form of an INN or synonym → ingredient key.
    let lookup: [String: Int32]
    /// Ingredient key → keys of the rule-named prefixes of its vocabulary ATC codes.
    let ingredientATCKeys: [[Int32]]
    /// Ingredient key → its vocabulary ATC codes (to describe a drug resolved from a name).
    let ingredientATCCodes: [[String]]
    /// Compressed adjacency: rules whose first side has key `k` are entries
    /// `adjacencyStart[k]..<adjacencyStart[k + 1]` of `adjacencyOther` (the other side's key) and
    /// `adjacencyRule` (the rule's index).
    let adjacencyStart: [Int32]
    let adjacencyOther: [Int32]
    let adjacencyRule: [Int32]
    /// Rule index → severity raw value, so ordering never copies a rule.
    let ruleSeverities: [UInt8]

    /// The total number of keys (ingredients plus ATC prefixes).
    var keyCount: Int {
        self.ingredientNames.count + self.atcKeys.count
    }

    /// Builds the index.
    ///
    /// - Parameters:
    ///   - knowledgeBase: The validated rules and vocabulary.
    ///   - additionalIngredients: More vocabulary (for example every ingredient of the drug catalog with
    ///     the ATC codes of its single-ingredient products), so duplicates and class rules are found for
    ///     ingredients no rule names. Entries for an INN already known add codes and synonyms.
    public init(knowledgeBase: InteractionKnowledgeBase, additionalIngredients: [IngredientEntry] = []) {
        var ingredientKeys: [String: Int32] = [:]
        var ingredientNames: [String] = []
        func ingredientKey(_ name: String) -> Int32 {
            if let key = ingredientKeys[name] {
                return key
            }
            let key = Int32(ingredientNames.count)
            ingredientKeys[name] = key
            ingredientNames.append(name)
            return key
        }
        let vocabulary = knowledgeBase.ingredients + additionalIngredients
        for rule in knowledgeBase.rules {
            if case .ingredient(let name) = rule.sideA { _ = ingredientKey(name) }
            if case .ingredient(let name) = rule.sideB { _ = ingredientKey(name) }
        }
        for entry in vocabulary {
            _ = ingredientKey(entry.ingredient)
        }
        let ingredientCount = ingredientNames.count

        var atcKeys: [String: Int32] = [:]
        for rule in knowledgeBase.rules {
            if case .atcPrefix(let code) = rule.sideA, atcKeys[code] == nil { atcKeys[code] = Int32(ingredientCount + atcKeys.count) }
            if case .atcPrefix(let code) = rule.sideB, atcKeys[code] == nil { atcKeys[code] = Int32(ingredientCount + atcKeys.count) }
        }

        var lookup: [String: Int32] = [:]
        var ingredientATCKeys = [[Int32]](repeating: [], count: ingredientCount)
        var ingredientATCCodes = [[String]](repeating: [], count: ingredientCount)
        for (name, key) in ingredientKeys {
            lookup[IngredientName.lookupKey(name)] = key
        }
        for entry in vocabulary {
            guard let key = ingredientKeys[entry.ingredient] else { continue }
            for synonym in entry.synonyms {
                let synonymKey = IngredientName.lookupKey(synonym)
                if lookup[synonymKey] == nil {
                    lookup[synonymKey] = key
                }
            }
            for code in entry.atcCodes where !ingredientATCCodes[Int(key)].contains(code) {
                ingredientATCCodes[Int(key)].append(code)
                for prefix in ATCCode.levelPrefixes(of: code) {
                    if let atcKey = atcKeys[String(prefix)], !ingredientATCKeys[Int(key)].contains(atcKey) {
                        ingredientATCKeys[Int(key)].append(atcKey)
                    }
                }
            }
        }

        func key(of side: InteractionRule.Side) -> Int32 {
            switch side {
            case .ingredient(let name): ingredientKeys[name] ?? -1
            case .atcPrefix(let code): atcKeys[code] ?? -1
            }
        }
        // Each side's key looked up once per rule.
        let firstKeys = knowledgeBase.rules.map { key(of: $0.sideA) }
        let keyCount = ingredientCount + atcKeys.count
        var counts = [Int32](repeating: 0, count: keyCount + 1)
        for first in firstKeys {
            counts[Int(first) + 1] += 1
        }
        for index in 0..<keyCount {
            counts[index + 1] += counts[index]
        }
        var fill = counts
        var other = [Int32](repeating: 0, count: knowledgeBase.rules.count)
        var ruleIndex = [Int32](repeating: 0, count: knowledgeBase.rules.count)
        for (index, rule) in knowledgeBase.rules.enumerated() {
            let first = Int(firstKeys[index])
            let slot = Int(fill[first])
            fill[first] += 1
            other[slot] = key(of: rule.sideB)
            ruleIndex[slot] = Int32(index)
        }

        self.rules = knowledgeBase.rules
        self.ingredientCount = ingredientCount
        self.ingredientNames = ingredientNames
        self.ingredientKeys = ingredientKeys
        self.atcKeys = atcKeys
        self.lookup = lookup
        self.ingredientATCKeys = ingredientATCKeys
        self.ingredientATCCodes = ingredientATCCodes
        self.adjacencyStart = counts
        self.adjacencyOther = other
        self.adjacencyRule = ruleIndex
        self.ruleSeverities = knowledgeBase.rules.map { UInt8($0.severity.rawValue) }
    }

    /// The rule with identifier `id`, if any (linear: for tools and tests, not the hot path).
    public func rule(id: String) -> InteractionRule? {
        self.rules.first { $0.id == id }
    }
}
