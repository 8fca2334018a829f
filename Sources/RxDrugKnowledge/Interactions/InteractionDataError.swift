/// A knowledge-base file or table that could not be loaded, with every problem found (not only the
/// first), each with its file and line, so a reviewer can fix a whole file in one pass.
public struct InteractionDataError: Error, Sendable, Hashable, CustomStringConvertible {
    /// One thing wrong with one row.
    public struct Problem: Sendable, Hashable, CustomStringConvertible {
        /// The file (or table) the row came from.
        public let source: String
        /// The 1-based line where the row starts (the row id for a table).
        public let line: Int
        /// What is wrong, in words a reviewer can act on.
        public let reason: String

        public init(source: String, line: Int, reason: String) {
            self.source = source
            self.line = line
            self.reason = reason
        }

        public var description: String {
            "\(self.source):\(self.line): \(self.reason)"
        }
    }

    /// Every problem found, in file order.
    public let problems: [Problem]

    public init(problems: [Problem]) {
        self.problems = problems
    }

    /// An error with a single problem (unreadable file, failed query).
    public init(source: String, line: Int = 0, reason: String) {
        self.problems = [Problem(source: source, line: line, reason: reason)]
    }

    public var description: String {
        let shown = self.problems.prefix(20).map(\.description).joined(separator: "\n")
        let more = self.problems.count > 20 ? "\n… and \(self.problems.count - 20) more" : ""
        return "interaction knowledge base has \(self.problems.count) problem(s):\n" + shown + more
    }
}
