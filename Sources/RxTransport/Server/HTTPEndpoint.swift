/// A plain HTTP/2 `GET` resource served beside gRPC on the same TLS port (e.g. `/metrics`).
///
/// The handler runs inline on the I/O thread, so it must be quick and never block.
public struct HTTPEndpoint: Sendable {
    /// What the handler answers.
    public struct Response: Sendable {
        public var status: Int
        public var contentType: String
        public var body: [UInt8]

        public init(status: Int = 200, contentType: String, body: [UInt8]) {
            self.status = status
            self.contentType = contentType
            self.body = body
        }
    }

    public let path: String
    public let access: MethodAccess
    let handler: @Sendable (FacilityIdentity) -> Response
}
