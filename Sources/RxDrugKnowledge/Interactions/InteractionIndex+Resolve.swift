extension InteractionIndex {
    /// The INN a prescriber's text names, or nil when it names no ingredient the index knows.
    ///
    /// Case, accents and punctuation are ignored ("Paracétamol", "ACETAMINOPHEN" → `paracetamol`);
    /// synonyms come from the vocabulary ("aspirin" → `acetylsalicylic acid`, "kali clorid" →
    /// `potassium chloride`). When the whole text is unknown, three conservative fallbacks are tried:
    /// a final `e` the Vietnamese spelling drops ("omeprazol" → `omeprazole`), Vietnamese word order for
    /// acids ("acid valproic" → `valproic acid`), and salt words removed ("amlodipine besilate").
    public func resolveIngredient(_ text: String) -> String? {
        self.resolvedKey(text).map { self.ingredientNames[Int($0)] }
    }

    /// A drug to check built from an ingredient name alone (a draft naming ingredients, not products):
    /// the resolved INN plus the ATC codes the vocabulary gives it, so class rules apply. Nil when the
    /// name is unknown.
    public func drug(named text: String, lineNumber: Int? = nil, prescriptionCode: String? = nil) -> CheckedDrug? {
        guard let key = self.resolvedKey(text) else {
            return nil
        }
        let name = self.ingredientNames[Int(key)]
        return CheckedDrug(
            displayName: name, ingredients: [name], atcCodes: self.ingredientATCCodes[Int(key)],
            lineNumber: lineNumber, prescriptionCode: prescriptionCode)
    }

    func resolvedKey(_ text: String) -> Int32? {
        // Catalog data is already canonical: skip the (slow) folding for exact INNs.
        if let exact = self.ingredientKeys[text] {
            return exact
        }
        let key = IngredientName.lookupKey(text)
        guard !key.isEmpty else {
            return nil
        }
        if let found = self.lookup[key] ?? self.lookup[key + "e"] {
            return found
        }
        var words = key.split(separator: " ").map(String.init)
        if words.count == 2, words[0] == "acid" || words[0] == "axit",
            let found = self.lookup[words[1] + " acid"] ?? self.lookup[words[1] + "e acid"]
        {
            return found
        }
        words.removeAll { IngredientName.saltWords.contains($0) }
        guard !words.isEmpty, words.count < key.split(separator: " ").count else {
            return nil
        }
        let stripped = words.joined(separator: " ")
        return self.lookup[stripped] ?? self.lookup[stripped + "e"]
    }
}
