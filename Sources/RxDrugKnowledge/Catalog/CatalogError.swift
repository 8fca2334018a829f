/// What went wrong loading, importing or reading the catalog.
public struct CatalogError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// The file could not be read.
        case unreadableFile
        /// The header line lacks required columns, or the file is empty.
        case badHeader
        /// At least one row is invalid and `--skip-bad` was not given: nothing was applied.
        case badRows
        /// The database refused the import or the load.
        case storage
    }

    public let kind: Kind
    public let message: String
    /// Every refused row, for `.badRows` (and a `.badHeader` on line 1).
    public let problems: [CatalogRowProblem]

    public init(_ kind: Kind, _ message: String, problems: [CatalogRowProblem] = []) {
        self.kind = kind
        self.message = message
        self.problems = problems
    }

    public var description: String {
        ([self.message] + self.problems.map(\.description)).joined(separator: "\n")
    }
}
