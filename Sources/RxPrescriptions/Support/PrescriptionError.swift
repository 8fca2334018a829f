import RxTransport

/// Why a prescription call was refused, carrying the gRPC status it means and a sentence for the caller.
///
/// Domain code throws these; the transport maps them through `RPCErrorConvertible`, so every refusal
/// reaches the client with a specific status and a message saying what to fix.
public struct PrescriptionError: Error, Sendable, Hashable, CustomStringConvertible, RPCErrorConvertible {
    public var code: GRPCStatus.Code
    public var message: String

    public init(_ code: GRPCStatus.Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// The request itself is wrong (malformed code, content that breaks a rule).
    public static func invalidArgument(_ message: String) -> PrescriptionError { .init(.invalidArgument, message) }
    /// The caller may not do this to this prescription.
    public static func permissionDenied(_ message: String) -> PrescriptionError { .init(.permissionDenied, message) }
    /// The prescription's state forbids it (cancelled, expired, nothing left to dispense).
    public static func failedPrecondition(_ message: String) -> PrescriptionError { .init(.failedPrecondition, message) }
    /// No prescription has this code.
    public static func notFound(_ message: String) -> PrescriptionError { .init(.notFound, message) }
    /// A code or idempotency key is already taken.
    public static func alreadyExists(_ message: String) -> PrescriptionError { .init(.alreadyExists, message) }

    public var rpcError: RPCError { RPCError(self.code, self.message) }

    public var description: String { "\(self.code.name): \(self.message)" }
}
