extension HealthCheckResponse {
    /// `grpc.health.v1.HealthCheckResponse.ServingStatus`; unknown numbers are kept.
    public struct ServingStatus: ProtoEnum {
        public static let schema = EnumSchema(name: "grpc.health.v1.HealthCheckResponse.ServingStatus", values: [
            .init("UNKNOWN", 0), .init("SERVING", 1), .init("NOT_SERVING", 2), .init("SERVICE_UNKNOWN", 3),
        ])

        public static let unknown = ServingStatus(rawValue: 0)
        public static let serving = ServingStatus(rawValue: 1)
        public static let notServing = ServingStatus(rawValue: 2)
        /// Used only by the Watch method, for a service the server does not know (yet).
        public static let serviceUnknown = ServingStatus(rawValue: 3)

        public var rawValue: Int32

        public init(rawValue: Int32) {
            self.rawValue = rawValue
        }
    }
}
