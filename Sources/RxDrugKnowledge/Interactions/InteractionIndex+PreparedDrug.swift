extension InteractionIndex {
    /// A drug with its names already turned into index keys.
    ///
    /// Preparing hashes strings; checking then compares integers only. A caller that checks the same
    /// catalog products over and over (every Submit) can prepare each product once per index snapshot
    /// and reuse it; a prepared drug belongs to the index that made it. A class, so passing one around
    /// the hot path costs a single retain.
    public final class PreparedDrug: Sendable {
        /// The drug as given.
        public let drug: CheckedDrug
        /// The INNs of its ingredients after synonym resolution (unknown names in lookup form).
        public let canonicalIngredients: [String]
        /// Index keys the drug carries: ingredients and rule-named ATC prefixes, without repeats.
        let keys: [Int32]
        /// For each key, the position in `canonicalIngredients` it came from, or -1 for the product's own ATC.
        let keyIngredients: [Int32]
        /// Ingredients the index does not know, in lookup form (checked for duplicates by name).
        let unknownIngredients: [String]

        init(drug: CheckedDrug, canonicalIngredients: [String], keys: [Int32], keyIngredients: [Int32], unknownIngredients: [String]) {
            self.drug = drug
            self.canonicalIngredients = canonicalIngredients
            self.keys = keys
            self.keyIngredients = keyIngredients
            self.unknownIngredients = unknownIngredients
        }

        /// The ingredient to name in an alert for a match on `key`.
        func ingredient(for key: Int32) -> String {
            if let position = self.keys.firstIndex(of: key), self.keyIngredients[position] >= 0 {
                return self.canonicalIngredients[Int(self.keyIngredients[position])]
            }
            return self.canonicalIngredients.first ?? self.drug.displayName
        }
    }

    /// Resolves a drug's ingredients and ATC codes into keys.
    public func prepare(_ drug: CheckedDrug) -> PreparedDrug {
        var keys: [Int32] = []
        var keyIngredients: [Int32] = []
        var canonical: [String] = []
        var unknown: [String] = []
        func add(_ key: Int32, from ingredient: Int32) {
            if !keys.contains(key) {
                keys.append(key)
                keyIngredients.append(ingredient)
            }
        }
        for text in drug.ingredients {
            let position = Int32(canonical.count)
            if let key = self.resolvedKey(text) {
                canonical.append(self.ingredientNames[Int(key)])
                add(key, from: position)
                for atcKey in self.ingredientATCKeys[Int(key)] {
                    add(atcKey, from: position)
                }
            } else {
                let name = IngredientName.lookupKey(text)
                canonical.append(name)
                if !name.isEmpty && !unknown.contains(name) {
                    unknown.append(name)
                }
            }
        }
        for code in drug.atcCodes {
            for prefix in ATCCode.levelPrefixes(of: code) {
                if let key = self.atcKeys[String(prefix)] {
                    add(key, from: canonical.count == 1 ? 0 : -1)
                }
            }
        }
        return PreparedDrug(
            drug: drug, canonicalIngredients: canonical, keys: keys, keyIngredients: keyIngredients,
            unknownIngredients: unknown)
    }
}
