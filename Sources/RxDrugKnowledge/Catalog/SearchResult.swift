/// One product found by a search, with how and where it matched.
public struct SearchResult: Sendable, Hashable {
    public let product: Product
    public let rank: SearchRank
    public let field: SearchField
}
