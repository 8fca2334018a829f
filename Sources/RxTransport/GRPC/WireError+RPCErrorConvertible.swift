import RxWire

/// A request that does not decode is the client's mistake: `INVALID_ARGUMENT`, with the decoder's
/// description (which names the field path and byte offset) as the message.
extension WireError: RPCErrorConvertible {
    public var rpcError: RPCError {
        RPCError(.invalidArgument, "malformed request message: \(self)")
    }
}
