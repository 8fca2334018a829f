import RxDrugKnowledge

extension FuzzTarget {
    /// A valid rule file of two rules over the sample vocabulary, for fuzzing the synonyms file beside it.
    private static let fixedRules = """
        id,side_a,side_b,severity,category,effect,mechanism,management,source
        DDI-0001,simvastatin,clarithromycin,contraindicated,cyp3a4,Rhabdomyolysis,CYP3A4 inhibition,Do not combine,ANSM 2023
        DDI-0002,warfarin,atc:M01A,major,bleeding,Bleeding,Additive effect,Monitor INR,ANSM 2023
        """

    /// The import an operator runs on a catalog file; invalid UTF-8 is repaired as a reader would.
    /// Whatever was accepted must be ordered and unique as the snapshot builder expects.
    static func importCatalog(_ bytes: UnsafeRawBufferPointer) {
        guard let catalog = try? CatalogImport(csv: String(decoding: bytes, as: UTF8.self)) else { return }
        for (earlier, later) in zip(catalog.products, catalog.products.dropFirst())
        where earlier.registrationNumber >= later.registrationNumber {
            fatalError("products not strictly ordered: \(earlier.registrationNumber), \(later.registrationNumber)")
        }
        for product in catalog.products {
            guard !product.prices.isEmpty else { fatalError("\(product.registrationNumber) has no price") }
            for (earlier, later) in zip(product.prices, product.prices.dropFirst())
            where !(earlier.effectiveDate < later.effectiveDate) {
                fatalError("\(product.registrationNumber): two prices for one date or out of order")
            }
        }
        guard catalog.rowCount >= catalog.products.count else { fatalError("more products than rows") }
    }

    /// The rule file as the server loads it at start and on SIGHUP, then the index it builds and a lookup.
    static func parseInteractionRules(_ bytes: UnsafeRawBufferPointer) {
        let text = String(decoding: bytes, as: UTF8.self)
        guard let knowledge = try? InteractionKnowledgeBase.parse(rulesCSV: text) else { return }
        Self.exercise(InteractionIndex(knowledgeBase: knowledge), knowledge)
    }

    /// The synonyms file beside a fixed valid rule file, then the index and a lookup of every synonym.
    static func parseSynonyms(_ bytes: UnsafeRawBufferPointer) {
        let text = String(decoding: bytes, as: UTF8.self)
        guard !text.isEmpty,
            let knowledge = try? InteractionKnowledgeBase.parse(rulesCSV: Self.fixedRules, ingredientsCSV: text)
        else { return }
        Self.exercise(InteractionIndex(knowledgeBase: knowledge), knowledge)
    }

    private static func exercise(_ index: InteractionIndex, _ knowledge: InteractionKnowledgeBase) {
        for rule in knowledge.rules where index.rule(id: rule.id) == nil {
            fatalError("rule \(rule.id) was accepted but is not in the index")
        }
        for entry in knowledge.ingredients {
            for name in [entry.ingredient] + entry.synonyms {
                _ = index.resolveIngredient(name)
            }
        }
    }
}
