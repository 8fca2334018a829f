import Logging
import RxDrugKnowledge
import RxStore
import Synchronization

/// The interaction knowledge base as served: an immutable `InteractionIndex` swapped whole on reload,
/// so a check never sees half of an old and half of a new rule set.
///
/// The rules live in SQLite; on first start (no rules stored) they are seeded from the reviewable CSV
/// files under `tools/sample-data/`. Catalog ingredients and the ATC codes of single-ingredient
/// products are added to the index so class rules reach every product in the catalog.
final class InteractionKnowledge: Sendable {
    private let index: Mutex<InteractionIndex>

    var current: InteractionIndex { self.index.withLock { $0 } }

    /// Builds the index from the stored knowledge base, read in the background (start-up reads it while
    /// the catalog loads), and the loaded catalog.
    init(loading: KnowledgeBaseLoading, catalog: Catalog) throws {
        self.index = Mutex(Self.makeIndex(try loading.wait(), catalog: catalog))
    }

    /// Seeds the knowledge base from the files when no rule is stored (first start).
    static func seedIfEmpty(store: Store, rulesFile: String?, ingredientsFile: String?, logger: Logger) throws {
        let stored = try store.read { connection in
            try connection.scalar("SELECT count(*) FROM interaction_rule").int64Value ?? 0
        }
        if stored == 0, let rulesFile, let ingredientsFile {
            let seed = try InteractionKnowledgeBase.load(rulesFile: rulesFile, ingredientsFile: ingredientsFile)
            try store.write { connection in try seed.replaceStored(in: connection) }
            logger.info("interaction knowledge base seeded", metadata: ["rules": .stringConvertible(seed.rules.count)])
        }
    }

    /// Rebuilds the index (after a catalog reload, so new products' ingredients are known).
    func rebuild(store: Store, catalog: Catalog) throws {
        let knowledgeBase = try store.read { connection in try InteractionKnowledgeBase.loadStored(from: connection) }
        let index = Self.makeIndex(knowledgeBase, catalog: catalog)
        self.index.withLock { $0 = index }
    }

    private static func addCodes(_ codes: [String], to known: inout [String]) {
        for code in codes where !known.contains(code) {
            known.append(code)
        }
    }

    private static func makeIndex(_ knowledgeBase: InteractionKnowledgeBase, catalog: Catalog) -> InteractionIndex {
        var entries: [String: [String]] = [:]
        for product in catalog.current.products {
            if product.ingredients.count == 1, let inn = product.ingredients.first?.inn {
                // One hash look-up per product: the entry is created and extended in place.
                Self.addCodes(product.atcCodes, to: &entries[inn, default: []])
            } else {
                for ingredient in product.ingredients where entries[ingredient.inn] == nil {
                    entries[ingredient.inn] = []
                }
            }
        }
        let additional = entries.keys.sorted().map { IngredientEntry(ingredient: $0, atcCodes: entries[$0] ?? []) }
        return InteractionIndex(knowledgeBase: knowledgeBase, additionalIngredients: additional)
    }
}
