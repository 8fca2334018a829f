/// Makes ``Product/equivalenceKey`` for a whole catalog at once, remembering each distinct strength,
/// dosage form and route it has already normalised: a national catalog repeats a few thousand of them
/// over a hundred thousand products, so a snapshot build normalises each once. The keys are exactly
/// those ``Product/equivalenceKey`` gives.
struct EquivalenceKeyMaker {
    private var normalizedStrengths: [String: String] = [:]
    private var foldedTexts: [String: String] = [:]

    mutating func key(of product: Product) -> Product.EquivalenceKey {
        var ingredients: [String] = []
        ingredients.reserveCapacity(product.ingredients.count)
        for ingredient in product.ingredients {
            ingredients.append(ingredient.inn + "|" + self.normalized(strength: ingredient.strength))
        }
        if ingredients.count > 1 {
            ingredients.sort()
        }
        return Product.EquivalenceKey(
            ingredients: ingredients, dosageForm: self.folded(product.dosageForm), route: self.folded(product.route))
    }

    private mutating func normalized(strength: String) -> String {
        if let known = self.normalizedStrengths[strength] {
            return known
        }
        let normalized = Ingredient.normalize(strength: strength)
        self.normalizedStrengths[strength] = normalized
        return normalized
    }

    private mutating func folded(_ text: String) -> String {
        if let known = self.foldedTexts[text] {
            return known
        }
        let folded = SearchText.fold(text)
        self.foldedTexts[text] = folded
        return folded
    }
}
