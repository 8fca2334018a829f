/// One page of a search, with the token for the next page.
public struct SearchPage: Sendable {
    public let results: [SearchResult]
    /// nil on the last page.
    public let nextPageToken: String?
    /// Matches over all pages.
    public let totalMatches: Int
}
