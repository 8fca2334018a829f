import Foundation
import RxDrugKnowledge

/// Shared fixtures: the committed knowledge base and small synthetic rule sets.
enum InteractionTestSupport {
    /// The repository root, found from this file's path.
    static let repositoryRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.path
    }()

    static let rulesFile = repositoryRoot + "/tools/sample-data/interactions.csv"
    static let ingredientsFile = repositoryRoot + "/tools/sample-data/ingredient-synonyms.csv"

    /// The committed knowledge base and its index, loaded once.
    static let committed: (knowledgeBase: InteractionKnowledgeBase, index: InteractionIndex)? = {
        guard let knowledgeBase = try? InteractionKnowledgeBase.load(rulesFile: rulesFile, ingredientsFile: ingredientsFile) else {
            return nil
        }
        return (knowledgeBase, InteractionIndex(knowledgeBase: knowledgeBase))
    }()

    static let header = InteractionKnowledgeBase.ruleColumns.joined(separator: ",")

    /// An index over rule rows written as `side_a,side_b,severity` (ids and texts filled in).
    static func index(rules: [String], ingredients: [String] = []) throws -> InteractionIndex {
        var csv = header + "\n"
        for (offset, rule) in rules.enumerated() {
            csv += "T-\(offset + 1),\(rule),other,Effect \(offset + 1),Mechanism,Management,Test source\n"
        }
        let vocabulary = ingredients.isEmpty
            ? "" : InteractionKnowledgeBase.ingredientColumns.joined(separator: ",") + "\n" + ingredients.joined(separator: "\n") + "\n"
        return InteractionIndex(knowledgeBase: try InteractionKnowledgeBase.parse(rulesCSV: csv, ingredientsCSV: vocabulary))
    }

    static func drug(
        _ name: String, _ ingredients: [String]? = nil, atc: [String] = [], line: Int? = nil, prescription: String? = nil
    ) -> CheckedDrug {
        CheckedDrug(
            displayName: name, ingredients: ingredients ?? [name], atcCodes: atc, lineNumber: line,
            prescriptionCode: prescription)
    }
}
