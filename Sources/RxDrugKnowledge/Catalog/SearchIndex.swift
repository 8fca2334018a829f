/// The catalog's search index: every searchable field of every product, folded once at snapshot build
/// time (``SearchText/fold(_:)``) and kept as UTF-8 bytes, so a query costs one fold plus a byte scan.
///
/// A scan rather than an inverted index because substring matches ("cillin") must be found too; at the
/// national list's size (tens of thousands of products) a scan of a few megabytes stays in the
/// low milliseconds, and the snapshot is immutable so nothing needs locking.
struct SearchIndex: Sendable {
    struct Entry: Sendable {
        let product: Int
        let field: SearchField
        let text: [UInt8]
    }

    private let entries: [Entry]
    /// Per product: every field joined by spaces, for queries whose words are spread over fields.
    private let combined: [[UInt8]]
    /// Per product: folded brand name, the tie-breaker after rank and field.
    let sortKeys: [String]

    init(products: [Product]) {
        var entries: [Entry] = []
        var combined: [[UInt8]] = []
        var sortKeys: [String] = []
        for (index, product) in products.enumerated() {
            var fields: [(SearchField, [UInt8])] = [(.brandName, SearchText.foldedBytes(product.brandName))]
            fields += product.ingredients.map { (.ingredient, SearchText.foldedBytes($0.inn)) }
            fields += product.atcCodes.map { (.atcCode, SearchText.foldedBytes($0)) }
            fields.append((.registrationNumber, SearchText.foldedBytes(product.registrationNumber)))
            entries += fields.map { Entry(product: index, field: $0.0, text: $0.1) }
            combined.append(Array(fields.map(\.1).joined(separator: [0x20])))
            sortKeys.append(SearchText.fold(product.brandName))
        }
        self.entries = entries
        self.combined = combined
        self.sortKeys = sortKeys
    }

    /// Indices of matching products with their best rank and field, best first; ties by folded brand
    /// name, then index (registration number order), so the order is stable across calls.
    func search(_ query: String) -> [(product: Int, rank: SearchRank, field: SearchField)] {
        let folded = SearchText.foldedBytes(query)
        guard !folded.isEmpty else {
            return []
        }
        var best: [Int: (rank: SearchRank, field: SearchField)] = [:]
        for entry in self.entries {
            guard let rank = Self.rank(of: folded, in: entry.text) else {
                continue
            }
            if let current = best[entry.product], (current.rank, current.field) <= (rank, entry.field) {
                continue
            }
            best[entry.product] = (rank, entry.field)
        }
        let words = folded.split(separator: 0x20).map(Array.init)
        if words.count > 1 {
            for (product, text) in self.combined.enumerated() where best[product] == nil {
                if words.allSatisfy({ Self.firstOccurrence(of: $0, in: text, from: 0) != nil }) {
                    best[product] = (.substring, .anyField)
                }
            }
        }
        return best.map { (product: $0.key, rank: $0.value.rank, field: $0.value.field) }.sorted { a, b in
            if a.rank != b.rank { return a.rank < b.rank }
            if a.field != b.field { return a.field < b.field }
            if self.sortKeys[a.product] != self.sortKeys[b.product] {
                return self.sortKeys[a.product] < self.sortKeys[b.product]
            }
            return a.product < b.product
        }
    }

    /// How `query` matches `text` (both folded), or nil.
    static func rank(of query: [UInt8], in text: [UInt8]) -> SearchRank? {
        guard text.count >= query.count else {
            return nil
        }
        if text == query {
            return .exact
        }
        if text.starts(with: query) {
            return .prefix
        }
        var found: SearchRank?
        var start = 1
        while let index = self.firstOccurrence(of: query, in: text, from: start) {
            let end = index + query.count
            if text[index - 1] == 0x20 && (end == text.count || text[end] == 0x20) {
                return .word
            }
            found = .substring
            start = index + 1
        }
        return found
    }

    static func firstOccurrence(of needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count, start <= haystack.count - needle.count else {
            return nil
        }
        let first = needle[0]
        var index = start
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == first {
                var offset = 1
                while offset < needle.count && haystack[index + offset] == needle[offset] {
                    offset += 1
                }
                if offset == needle.count {
                    return index
                }
            }
            index += 1
        }
        return nil
    }
}
