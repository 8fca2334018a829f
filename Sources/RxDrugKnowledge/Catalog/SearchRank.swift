/// How well a product matched a search; the lower the raw value, the better.
public enum SearchRank: Int, Sendable, Hashable, Comparable, CaseIterable {
    /// A whole field equals the query ("paracetamol" for the ingredient paracetamol).
    case exact = 1
    /// A field starts with the query ("hapacol" for "Hapacol 250").
    case prefix = 2
    /// The query is a run of whole words inside a field ("ho" in "Thuốc ho người lớn").
    case word = 3
    /// The query sits inside a word, or every query word appears somewhere in the product.
    case substring = 4

    public static func < (lhs: SearchRank, rhs: SearchRank) -> Bool { lhs.rawValue < rhs.rawValue }
}
