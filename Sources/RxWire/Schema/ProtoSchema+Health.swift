/// The types of `grpc/health/v1/health.proto`.
extension ProtoSchema {
    static let healthMessageTypes: [any ProtoMessage.Type] = [
        HealthCheckRequest.self, HealthCheckResponse.self, HealthListRequest.self, HealthListResponse.self,
    ]

    static let healthEnumTypes: [any ProtoEnum.Type] = [HealthCheckResponse.ServingStatus.self]
}
