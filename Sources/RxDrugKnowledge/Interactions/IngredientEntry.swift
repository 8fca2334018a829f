/// One ingredient of the knowledge base's vocabulary: its INN, the ATC codes of its single-ingredient
/// products, and the other names prescribers type for it.
///
/// The ATC codes let class rules reach an ingredient wherever it appears: inside a combination product
/// (whose own ATC code names the combination, not each component) or in a draft that names ingredients
/// without any ATC code.
public struct IngredientEntry: Sendable, Hashable {
    /// The INN: English, lowercase, WHO spelling.
    public let ingredient: String
    /// Complete 7-character ATC codes of the ingredient's single-ingredient products.
    public let atcCodes: [String]
    /// Other names (brand-neutral synonyms, US names, Vietnamese spellings), in any case and accents.
    public let synonyms: [String]

    public init(ingredient: String, atcCodes: [String] = [], synonyms: [String] = []) {
        self.ingredient = ingredient
        self.atcCodes = atcCodes
        self.synonyms = synonyms
    }
}
