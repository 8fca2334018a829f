/// The error a handler throws to end a call with a specific gRPC status.
///
/// Handlers and domain code throw `RPCError` (or any error conforming to `RPCErrorConvertible`);
/// everything else reaching the server is our bug and becomes `INTERNAL` with a generic message,
/// so that internal details never leak to callers. The mapping lives in `RPCError.init(mapping:)`.
public struct RPCError: Error, Sendable, Hashable, CustomStringConvertible {
    public var code: GRPCStatus.Code
    public var message: String

    public init(_ code: GRPCStatus.Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var status: GRPCStatus { GRPCStatus(code: self.code, message: self.message) }

    public var description: String { "\(self.code.name): \(self.message)" }
}

/// Lets a lower layer's or a domain's typed error say which gRPC status it means, without the
/// transport knowing the error type.
public protocol RPCErrorConvertible: Error {
    var rpcError: RPCError { get }
}

extension RPCError {
    /// The one place where an arbitrary error becomes a gRPC status.
    ///
    /// - Returns: the error itself for `RPCError`; the converted error for `RPCErrorConvertible`;
    ///   `CANCELLED` for Swift task cancellation; otherwise `INTERNAL` with a message that does not
    ///   echo the original (which callers may log separately).
    public init(mapping error: any Error) {
        switch error {
        case let error as RPCError:
            self = error
        case let error as any RPCErrorConvertible:
            self = error.rpcError
        case is CancellationError:
            self = RPCError(.cancelled, "call cancelled")
        default:
            self = RPCError(.internal, "internal server error")
        }
    }
}
