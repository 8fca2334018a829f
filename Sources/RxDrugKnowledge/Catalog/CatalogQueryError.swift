/// Why a catalog question could not be answered; the service maps each kind to a gRPC status.
public struct CatalogQueryError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// No such product, or no price declared by the date asked (NOT_FOUND).
        case notFound
        /// The request itself is wrong: bad page token, empty query, zero quantity (INVALID_ARGUMENT).
        case invalidArgument
    }

    public let kind: Kind
    public let message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { self.message }
}
