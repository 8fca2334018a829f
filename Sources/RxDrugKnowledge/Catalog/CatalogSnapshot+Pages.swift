extension CatalogSnapshot {
    /// Page size when the caller asks for 0.
    public static let defaultPageSize = 20
    /// Largest page served.
    public static let maximumPageSize = 100

    /// One page of ``search(_:)``.
    ///
    /// - Parameters:
    ///   - pageSize: 0 means ``defaultPageSize``; larger than ``maximumPageSize`` is cut down to it.
    ///   - pageToken: empty for the first page, else the previous page's `nextPageToken`.
    /// - Throws: `.invalidArgument` for an empty query, a malformed token, a token from another query,
    ///   or one from another catalog version (after a reload: restart the search).
    public func searchPage(query: String, pageSize: Int, pageToken: String) throws(CatalogQueryError) -> SearchPage {
        let folded = SearchText.fold(query)
        guard !folded.isEmpty else {
            throw CatalogQueryError(.invalidArgument, "query is empty (after removing punctuation)")
        }
        let size = pageSize <= 0 ? Self.defaultPageSize : min(pageSize, Self.maximumPageSize)
        let queryDigest = FNV1a.digest(folded)
        var offset = 0
        if !pageToken.isEmpty {
            guard let token = SearchPageToken(decoding: pageToken) else {
                throw CatalogQueryError(.invalidArgument, "page_token is not a token this server issued")
            }
            guard token.queryDigest == queryDigest else {
                throw CatalogQueryError(.invalidArgument, "page_token belongs to a different query")
            }
            guard token.version == self.version else {
                throw CatalogQueryError(
                    .invalidArgument,
                    "page_token is from catalog version \(String(token.version, radix: 16)); the catalog was reloaded "
                        + "(now \(String(self.version, radix: 16))): restart the search")
            }
            offset = token.offset
        }
        let all = self.search(query)
        let page = Array(all.dropFirst(offset).prefix(size))
        let next = offset + page.count
        let token =
            next < all.count
            ? SearchPageToken(version: self.version, queryDigest: queryDigest, offset: next).encoded : nil
        return SearchPage(results: page, nextPageToken: token, totalMatches: all.count)
    }
}
