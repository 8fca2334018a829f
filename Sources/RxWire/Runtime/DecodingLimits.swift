/// Bounds and policies applied while decoding untrusted bytes.
public struct DecodingLimits: Sendable, Equatable {
    /// How many message levels may nest below the top-level message. Protects the
    /// stack against hostile input such as a message nested a million times.
    public var maxDepth: Int
    /// Whether fields the schema does not know are kept and written back when
    /// re-encoding (so a relay does not lose data from newer peers). Turning it off
    /// drops them, which saves memory for messages that are never re-encoded.
    public var preservesUnknownFields: Bool

    public init(maxDepth: Int = 64, preservesUnknownFields: Bool = true) {
        self.maxDepth = maxDepth
        self.preservesUnknownFields = preservesUnknownFields
    }
}
