/// The outcome of a gRPC call as it travels in the `grpc-status` and `grpc-message` trailers.
///
/// `Code` is a struct rather than an enum so that a peer's unknown code survives decoding as its
/// number instead of being silently mapped to something else.
public struct GRPCStatus: Sendable, Hashable, CustomStringConvertible {
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        public let rawValue: Int

        public init(rawValue: Int) { self.rawValue = rawValue }

        public static let ok = Code(rawValue: 0)
        public static let cancelled = Code(rawValue: 1)
        public static let unknown = Code(rawValue: 2)
        public static let invalidArgument = Code(rawValue: 3)
        public static let deadlineExceeded = Code(rawValue: 4)
        public static let notFound = Code(rawValue: 5)
        public static let alreadyExists = Code(rawValue: 6)
        public static let permissionDenied = Code(rawValue: 7)
        public static let resourceExhausted = Code(rawValue: 8)
        public static let failedPrecondition = Code(rawValue: 9)
        public static let aborted = Code(rawValue: 10)
        public static let outOfRange = Code(rawValue: 11)
        public static let unimplemented = Code(rawValue: 12)
        public static let `internal` = Code(rawValue: 13)
        public static let unavailable = Code(rawValue: 14)
        public static let dataLoss = Code(rawValue: 15)
        public static let unauthenticated = Code(rawValue: 16)

        private static let names = [
            "OK", "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT", "DEADLINE_EXCEEDED", "NOT_FOUND",
            "ALREADY_EXISTS", "PERMISSION_DENIED", "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION",
            "ABORTED", "OUT_OF_RANGE", "UNIMPLEMENTED", "INTERNAL", "UNAVAILABLE", "DATA_LOSS",
            "UNAUTHENTICATED",
        ]

        /// The canonical upper-case name (`NOT_FOUND`), as grpcio and grpcurl print it.
        public var name: String {
            Self.names.indices.contains(self.rawValue) ? Self.names[self.rawValue] : "CODE_\(self.rawValue)"
        }

        /// Looks a code up by its canonical name; used by tooling that takes codes as text.
        public init?(name: String) {
            guard let index = Self.names.firstIndex(of: name.uppercased()) else { return nil }
            self.rawValue = index
        }

        public var description: String { self.name }
    }

    public var code: Code
    public var message: String

    public init(code: Code, message: String = "") {
        self.code = code
        self.message = message
    }

    public static let ok = GRPCStatus(code: .ok)

    public var isOK: Bool { self.code == .ok }

    public var description: String {
        self.message.isEmpty ? self.code.name : "\(self.code.name): \(self.message)"
    }
}
