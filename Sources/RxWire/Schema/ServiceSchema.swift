/// A gRPC service as declared in `Protos/`, for routing and the conformance test.
public struct ServiceSchema: Sendable, Equatable {
    /// Fully qualified name, e.g. "grpc.health.v1.Health".
    public let name: String
    public let methods: [MethodSchema]

    public init(name: String, methods: [MethodSchema]) {
        self.name = name
        self.methods = methods
    }

    /// The HTTP/2 `:path` gRPC uses for `method`, e.g. "/grpc.health.v1.Health/Check".
    public func path(of method: MethodSchema) -> String {
        "/\(self.name)/\(method.name)"
    }

    /// The method called `name`, if the service has one.
    public func method(named name: String) -> MethodSchema? {
        self.methods.first { $0.name == name }
    }
}
