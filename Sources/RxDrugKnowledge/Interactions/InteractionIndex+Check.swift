extension InteractionIndex {
    /// The severity of a duplicate active ingredient (two lines delivering the same INN).
    public static let duplicateIngredientSeverity = InteractionSeverity.moderate

    /// Checks the lines of a prescription against each other and against the patient's other active
    /// prescriptions.
    ///
    /// Pairs compared: every two lines of `new`, and every line of `new` with every line of `active`
    /// (never two lines of `active`: those were checked when they were submitted). One alert per drug
    /// pair and rule; a duplicate ingredient hides the class-duplication alert of the same pair.
    ///
    /// - Parameters:
    ///   - new: The lines being submitted or checked (`prescriptionCode` nil).
    ///   - active: Lines of the patient's other active prescriptions, with their prescription codes.
    ///   - overrides: Pairs the prescriber acknowledged; a contraindicated alert whose drugs contain
    ///     the two ingredients no longer blocks.
    public func check(
        new: [CheckedDrug], active: [CheckedDrug] = [], overrides: [InteractionAcknowledgement] = []
    ) -> InteractionReport {
        self.check(prepared: new.map(self.prepare), active: active.map(self.prepare), overrides: overrides)
    }

    /// ``check(new:active:overrides:)`` with overrides as ingredient-name pairs.
    public func check(
        new: [CheckedDrug], active: [CheckedDrug] = [], overrides: [(String, String)]
    ) -> InteractionReport {
        self.check(new: new, active: active, overrides: overrides.map { InteractionAcknowledgement($0.0, $0.1) })
    }

    /// The check on prepared drugs: the hot path, integer work only until alerts are built.
    public func check(
        prepared new: [PreparedDrug], active: [PreparedDrug] = [], overrides: [InteractionAcknowledgement] = []
    ) -> InteractionReport {
        var hits = self.findHits(new: new, active: active)
        guard !hits.isEmpty else {
            return InteractionReport(alerts: [])
        }
        // Order on the small hit records, not on alerts (which hold strings and copy expensively):
        // severity descending, then line positions, then knowledge-base order.
        let duplicateRank = Self.duplicateIngredientSeverity.rawValue
        hits.sort { lhs, rhs in
            let left = lhs.rule >= 0 ? Int(self.ruleSeverities[Int(lhs.rule)]) : duplicateRank
            let right = rhs.rule >= 0 ? Int(self.ruleSeverities[Int(rhs.rule)]) : duplicateRank
            if left != right { return left > right }
            return (lhs.low, lhs.high, lhs.rule) < (rhs.low, rhs.high, rhs.rule)
        }
        let acknowledged = overrides.map {
            (a: self.resolveIngredient($0.ingredientA) ?? IngredientName.lookupKey($0.ingredientA),
             b: self.resolveIngredient($0.ingredientB) ?? IngredientName.lookupKey($0.ingredientB), given: $0)
        }
        var alerts: [InteractionAlert] = []
        alerts.reserveCapacity(hits.count)
        for hit in hits {
            let first = Int(hit.low) < new.count ? new[Int(hit.low)] : active[Int(hit.low) - new.count]
            let second = Int(hit.high) < new.count ? new[Int(hit.high)] : active[Int(hit.high) - new.count]
            let rule = hit.rule >= 0 ? self.rules[Int(hit.rule)] : nil
            let kind: InteractionAlert.Kind =
                rule == nil ? .duplicateIngredient : (rule?.isClassDuplication == true ? .duplicateClass : .interaction)
            let firstIngredient = hit.lowKey >= 0 ? first.ingredient(for: hit.lowKey) : first.unknownIngredients[Int(hit.unknown)]
            let secondIngredient = hit.highKey >= 0 ? second.ingredient(for: hit.highKey) : firstIngredient
            let acknowledgement = acknowledged.first { pair in
                (first.canonicalIngredients.contains(pair.a) && second.canonicalIngredients.contains(pair.b))
                    || (first.canonicalIngredients.contains(pair.b) && second.canonicalIngredients.contains(pair.a))
            }?.given
            alerts.append(
                InteractionAlert(
                    kind: kind, severity: rule?.severity ?? Self.duplicateIngredientSeverity, firstDrug: first,
                    secondDrug: second, firstIngredient: firstIngredient, secondIngredient: secondIngredient,
                    rule: rule, acknowledgement: acknowledgement))
        }
        return InteractionReport(alerts: alerts)
    }

    /// One matched drug pair: positions (new lines first, then active lines), the rule index (-1 for a
    /// duplicate ingredient) and the keys each drug matched on.
    struct Hit {
        var low: Int32
        var high: Int32
        var rule: Int32
        var lowKey: Int32
        var highKey: Int32
        /// For a duplicate of an ingredient the index does not know: its position in the low drug's
        /// `unknownIngredients`.
        var unknown: Int32 = 0
    }

    /// Finds every (pair, rule) match with one bitset per key: bit `p` of key `k` says drug `p` carries
    /// key `k`. Rules are visited once, from their first side's key, and only when both keys are present.
    func findHits(new: [PreparedDrug], active: [PreparedDrug]) -> [Hit] {
        let newCount = new.count
        let total = newCount + active.count
        guard newCount > 0, total > 1 else {
            return []
        }
        let words = (total + 63) / 64
        var masks = [UInt64](repeating: 0, count: self.keyCount * words)
        var newMask = [UInt64](repeating: 0, count: words)
        var touched: [Int32] = []
        touched.reserveCapacity(total * 8)
        for position in 0..<total {
            let drug = position < newCount ? new[position] : active[position - newCount]
            let word = position >> 6
            let bit = UInt64(1) << UInt64(position & 63)
            if position < newCount {
                newMask[word] |= bit
            }
            for key in drug.keys {
                let base = Int(key) * words
                var seen = false
                for offset in 0..<words where masks[base + offset] != 0 {
                    seen = true
                    break
                }
                if !seen {
                    touched.append(key)
                }
                masks[base + word] |= bit
            }
        }

        var hits: [Hit] = []
        masks.withUnsafeBufferPointer { masks in
            // Pairs (a, b) with a carrying `keyA` and b carrying `keyB`, a ≠ b, at least one of them new;
            // for a same-key rule only a < b.
            func emit(_ keyA: Int32, _ keyB: Int32, rule: Int32) {
                let baseA = Int(keyA) * words
                let baseB = Int(keyB) * words
                for wordA in 0..<words {
                    var bitsA = masks[baseA + wordA]
                    while bitsA != 0 {
                        let a = wordA * 64 + bitsA.trailingZeroBitCount
                        bitsA &= bitsA - 1
                        for wordB in 0..<words {
                            var bitsB = masks[baseB + wordB]
                            if a >= newCount { bitsB &= newMask[wordB] }
                            if wordB == a >> 6 {
                                bitsB &= ~(UInt64(1) << UInt64(a & 63))
                                if keyA == keyB { bitsB &= ~((UInt64(1) << UInt64(a & 63)) &- 1) }
                            } else if keyA == keyB && wordB < a >> 6 {
                                bitsB = 0
                            }
                            while bitsB != 0 {
                                let b = wordB * 64 + bitsB.trailingZeroBitCount
                                bitsB &= bitsB - 1
                                hits.append(
                                    a < b
                                        ? Hit(low: Int32(a), high: Int32(b), rule: rule, lowKey: keyA, highKey: keyB)
                                        : Hit(low: Int32(b), high: Int32(a), rule: rule, lowKey: keyB, highKey: keyA))
                            }
                        }
                    }
                }
            }
            for key in touched {
                let start = Int(self.adjacencyStart[Int(key)])
                let end = Int(self.adjacencyStart[Int(key) + 1])
                for entry in start..<end {
                    let other = self.adjacencyOther[entry]
                    let base = Int(other) * words
                    var present = false
                    for word in 0..<words where masks[base + word] != 0 {
                        present = true
                        break
                    }
                    if present {
                        emit(key, other, rule: self.adjacencyRule[entry])
                    }
                }
                if Int(key) < self.ingredientCount {
                    emit(key, key, rule: -1)
                }
            }
        }
        self.addUnknownDuplicates(new: new, active: active, to: &hits)
        guard !hits.isEmpty else {
            return hits
        }
        hits.sort { ($0.low, $0.high, $0.rule) < ($1.low, $1.high, $1.rule) }
        return self.uniqueHits(hits)
    }

    /// Keeps one hit per (pair, rule) and drops class-duplication hits of a pair that has a duplicate
    /// ingredient. Expects `hits` sorted by pair, then rule (duplicates, rule -1, first).
    private func uniqueHits(_ hits: [Hit]) -> [Hit] {
        var kept: [Hit] = []
        kept.reserveCapacity(hits.count)
        var pairHasDuplicateIngredient = false
        for hit in hits {
            if let last = kept.last, last.low == hit.low, last.high == hit.high {
                if last.rule == hit.rule { continue }
            } else {
                pairHasDuplicateIngredient = hit.rule < 0
            }
            if hit.rule >= 0 && pairHasDuplicateIngredient && self.rules[Int(hit.rule)].isClassDuplication {
                continue
            }
            kept.append(hit)
        }
        return kept
    }

    /// Duplicates among ingredients the index has no key for, compared by name (rare: the vocabulary
    /// normally covers the catalog).
    private func addUnknownDuplicates(new: [PreparedDrug], active: [PreparedDrug], to hits: inout [Hit]) {
        let total = new.count + active.count
        var withUnknown: [Int] = []
        for position in 0..<total {
            let isEmpty = position < new.count
                ? new[position].unknownIngredients.isEmpty : active[position - new.count].unknownIngredients.isEmpty
            if !isEmpty { withUnknown.append(position) }
        }
        guard withUnknown.count > 1 else {
            return
        }
        for (offset, a) in withUnknown.enumerated() {
            let drugA = a < new.count ? new[a] : active[a - new.count]
            for b in withUnknown[(offset + 1)...] where a < new.count || b < new.count {
                let drugB = b < new.count ? new[b] : active[b - new.count]
                if let shared = drugA.unknownIngredients.firstIndex(where: drugB.unknownIngredients.contains) {
                    hits.append(Hit(low: Int32(a), high: Int32(b), rule: -1, lowKey: -1, highKey: -1, unknown: Int32(shared)))
                }
            }
        }
    }
}

extension InteractionIndex {
    /// The number of (pair, rule) matches without building alerts: the integer-only part of a check,
    /// exposed for the micro-benchmark and for callers that only need to know whether anything matched.
    public func matchCount(prepared new: [PreparedDrug], active: [PreparedDrug] = []) -> Int {
        self.findHits(new: new, active: active).count
    }
}
