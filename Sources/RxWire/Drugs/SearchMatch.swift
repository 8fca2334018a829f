/// `rx.v1.SearchMatch`: how well a search hit matched (lower ranks first); unknown numbers are kept.
public struct SearchMatch: ProtoEnum {
    public static let schema = EnumSchema(name: "rx.v1.SearchMatch", values: [
        .init("SEARCH_MATCH_UNSPECIFIED", 0),
        .init("SEARCH_MATCH_EXACT", 1),
        .init("SEARCH_MATCH_PREFIX", 2),
        .init("SEARCH_MATCH_WORD", 3),
        .init("SEARCH_MATCH_SUBSTRING", 4),
    ])

    public static let unspecified = SearchMatch(rawValue: 0)
    /// A whole field equals the query.
    public static let exact = SearchMatch(rawValue: 1)
    /// A field starts with the query.
    public static let prefix = SearchMatch(rawValue: 2)
    /// The query is a run of whole words inside a field.
    public static let word = SearchMatch(rawValue: 3)
    /// Inside a word, or every query word somewhere in the product.
    public static let substring = SearchMatch(rawValue: 4)

    public var rawValue: Int32

    public init(rawValue: Int32) {
        self.rawValue = rawValue
    }
}
