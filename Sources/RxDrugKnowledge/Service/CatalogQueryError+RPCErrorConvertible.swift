import RxTransport

extension CatalogQueryError: RPCErrorConvertible {
    /// `.notFound` is NOT_FOUND, `.invalidArgument` INVALID_ARGUMENT; the message is passed on as is.
    public var rpcError: RPCError {
        switch self.kind {
        case .notFound: return RPCError(.notFound, self.message)
        case .invalidArgument: return RPCError(.invalidArgument, self.message)
        }
    }
}
