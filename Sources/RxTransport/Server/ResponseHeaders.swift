/// Header blocks shared by every response; built once, referenced by nghttp2 without copying.
enum ResponseHeaders {
    static let ok = HeaderBlock([(":status", "200"), ("content-type", "application/grpc")], isStatic: true)
    /// The start of a trailers-only response; `grpc-status` and `grpc-message` follow.
    static let trailersOnlyPrefix = ok
    static let okTrailers = HeaderBlock([("grpc-status", "0")], isStatic: true)
    static let unsupportedMediaType = HeaderBlock(
        [(":status", "415"), ("content-type", "text/plain"), ("grpc-status", "3"),
         ("grpc-message", "content-type must be application/grpc")], isStatic: true)
    static let methodNotAllowed = HeaderBlock(
        [(":status", "405"), ("grpc-status", "12"), ("grpc-message", "gRPC requires POST")], isStatic: true)

    /// `grpc-status` / `grpc-message` for a final status (the message percent-encoded).
    static func trailers(for status: GRPCStatus) -> HeaderBlock {
        if status.isOK && status.message.isEmpty { return self.okTrailers }
        var fields = [(name: "grpc-status", value: String(status.code.rawValue))]
        if !status.message.isEmpty {
            fields.append((name: "grpc-message", value: GRPCStatusMessage.encode(status.message)))
        }
        if status.code == .unimplemented {
            fields.append((name: "grpc-accept-encoding", value: "identity"))
        }
        return HeaderBlock(fields)
    }
}
