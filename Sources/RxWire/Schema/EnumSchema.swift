/// An enum's declared values.
public struct EnumSchema: Sendable, Equatable {
    /// One named value.
    public struct Value: Sendable, Equatable {
        public let name: String
        public let number: Int32

        public init(_ name: String, _ number: Int32) {
            self.name = name
            self.number = number
        }
    }

    /// Fully qualified name, e.g. "grpc.health.v1.HealthCheckResponse.ServingStatus".
    public let name: String
    /// Values in declaration order.
    public let values: [Value]

    public init(name: String, values: [Value]) {
        self.name = name
        self.values = values
    }
}
