/// The catalog's search index: every searchable field of every product, folded once at snapshot build
/// time (``SearchText/fold(_:)``) and kept as UTF-8 bytes, so a query costs one fold plus a byte scan.
///
/// A scan rather than an inverted index because substring matches ("cillin") must be found too; at the
/// national list's size (tens of thousands of products) a scan of a few megabytes stays in the
/// low milliseconds, and the snapshot is immutable so nothing needs locking.
///
/// All folded text lives in one byte buffer: a product's fields (brand name, ingredients, ATC codes,
/// registration number) follow each other joined by single spaces, so the run of one product is also
/// the text that queries with words spread over several fields are matched against. Building it costs
/// a few allocations for the whole catalog rather than several per product.
struct SearchIndex: Sendable {
    /// One searchable field: where its folded bytes sit in ``text``.
    struct Entry: Sendable {
        let product: Int32
        let field: SearchField
        let start: Int32
        let end: Int32
    }

    private let text: [UInt8]
    private let entries: [Entry]
    /// Per product: where its fields (joined by spaces) start and end in ``text``.
    private let productStart: [Int32]
    private let productEnd: [Int32]
    /// Per product: where its folded brand name ends (it starts at ``productStart``); the tie-breaker
    /// after rank and field.
    private let brandEnd: [Int32]

    init(products: [Product]) {
        var text: [UInt8] = []
        text.reserveCapacity(products.count * 64)
        var entries: [Entry] = []
        entries.reserveCapacity(products.count * 4)
        var productStart: [Int32] = []
        var productEnd: [Int32] = []
        var brandEnd: [Int32] = []
        productStart.reserveCapacity(products.count)
        productEnd.reserveCapacity(products.count)
        brandEnd.reserveCapacity(products.count)
        for (index, product) in products.enumerated() {
            let product32 = Int32(index)
            productStart.append(Int32(text.count))
            func add(_ field: SearchField, _ value: String) {
                if entries.last?.product == product32 {
                    text.append(0x20)
                }
                let start = Int32(text.count)
                SearchText.appendFolded(value, to: &text)
                entries.append(Entry(product: product32, field: field, start: start, end: Int32(text.count)))
            }
            add(.brandName, product.brandName)
            brandEnd.append(Int32(text.count))
            for ingredient in product.ingredients {
                add(.ingredient, ingredient.inn)
            }
            for code in product.atcCodes {
                add(.atcCode, code)
            }
            add(.registrationNumber, product.registrationNumber)
            productEnd.append(Int32(text.count))
        }
        self.text = text
        self.entries = entries
        self.productStart = productStart
        self.productEnd = productEnd
        self.brandEnd = brandEnd
    }

    /// Indices of matching products with their best rank and field, best first; ties by folded brand
    /// name, then index (registration number order), so the order is stable across calls.
    func search(_ query: String) -> [(product: Int, rank: SearchRank, field: SearchField)] {
        let folded = SearchText.foldedBytes(query)
        guard !folded.isEmpty else {
            return []
        }
        var best: [Int: (rank: SearchRank, field: SearchField)] = [:]
        self.text.withUnsafeBufferPointer { text in
            folded.withUnsafeBufferPointer { query in
                for entry in self.entries {
                    let field = UnsafeBufferPointer(rebasing: text[Int(entry.start)..<Int(entry.end)])
                    guard let rank = Self.rank(of: query, in: field) else {
                        continue
                    }
                    let product = Int(entry.product)
                    if let current = best[product], (current.rank, current.field) <= (rank, entry.field) {
                        continue
                    }
                    best[product] = (rank, entry.field)
                }
                let words = query.split(separator: 0x20)
                guard words.count > 1 else {
                    return
                }
                for product in 0..<self.productStart.count where best[product] == nil {
                    let combined = UnsafeBufferPointer(
                        rebasing: text[Int(self.productStart[product])..<Int(self.productEnd[product])])
                    if words.allSatisfy({ Self.firstOccurrence(of: UnsafeBufferPointer(rebasing: $0), in: combined, from: 0) != nil }) {
                        best[product] = (.substring, .anyField)
                    }
                }
            }
        }
        return best.map { (product: $0.key, rank: $0.value.rank, field: $0.value.field) }.sorted { a, b in
            if a.rank != b.rank { return a.rank < b.rank }
            if a.field != b.field { return a.field < b.field }
            if let brandFirst = self.brandOrder(a.product, b.product) {
                return brandFirst
            }
            return a.product < b.product
        }
    }

    /// Whether product `a`'s folded brand name sorts before `b`'s, as `String` comparison orders them;
    /// nil when they are equal.
    private func brandOrder(_ a: Int, _ b: Int) -> Bool? {
        let first = self.text[Int(self.productStart[a])..<Int(self.brandEnd[a])]
        let second = self.text[Int(self.productStart[b])..<Int(self.brandEnd[b])]
        if first.allSatisfy({ $0 < 0x80 }) && second.allSatisfy({ $0 < 0x80 }) {
            // For ASCII, String's order is byte order.
            if first.elementsEqual(second) {
                return nil
            }
            return first.lexicographicallyPrecedes(second)
        }
        let firstText = String(decoding: first, as: UTF8.self)
        let secondText = String(decoding: second, as: UTF8.self)
        return firstText == secondText ? nil : firstText < secondText
    }

    /// How `query` matches `text` (both folded), or nil.
    static func rank(of query: UnsafeBufferPointer<UInt8>, in text: UnsafeBufferPointer<UInt8>) -> SearchRank? {
        guard text.count >= query.count else {
            return nil
        }
        if text.starts(with: query) {
            return text.count == query.count ? .exact : .prefix
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

    static func firstOccurrence(
        of needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>, from start: Int
    ) -> Int? {
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
