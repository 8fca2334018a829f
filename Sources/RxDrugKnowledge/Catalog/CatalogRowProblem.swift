/// Why one CSV line was refused: reported to the operator with its line number so it can be fixed in
/// the source file.
public struct CatalogRowProblem: Sendable, Hashable, CustomStringConvertible {
    /// 1-based line number in the file (the header is line 1).
    public let line: Int
    public let reason: String

    public init(line: Int, reason: String) {
        self.line = line
        self.reason = reason
    }

    public var description: String { "line \(self.line): \(self.reason)" }
}
