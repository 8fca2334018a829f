import RxTransport

/// Why a statistics call was refused.
public enum StatisticsError: Error, Sendable, Equatable, RPCErrorConvertible {
    case invalidArgument(String)

    public var rpcError: RPCError {
        switch self {
        case .invalidArgument(let message): RPCError(.invalidArgument, message)
        }
    }
}
