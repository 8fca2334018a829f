extension ServiceSchema {
    /// `grpc.health.v1.Health`, the standard gRPC health service.
    public static let health = ServiceSchema(name: "grpc.health.v1.Health", methods: [
        MethodSchema(
            name: "Check", inputType: HealthCheckRequest.protoMessageName,
            outputType: HealthCheckResponse.protoMessageName),
        MethodSchema(
            name: "List", inputType: HealthListRequest.protoMessageName,
            outputType: HealthListResponse.protoMessageName),
        MethodSchema(
            name: "Watch", inputType: HealthCheckRequest.protoMessageName,
            outputType: HealthCheckResponse.protoMessageName, serverStreaming: true),
    ])
}
