/// The types of `grpc/reflection/v1/reflection.proto` and `grpc/reflection/v1alpha/reflection.proto`.
extension ProtoSchema {
    static let reflectionMessageTypes: [any ProtoMessage.Type] =
        Self.reflectionMessageTypes(ReflectionV1.self) + Self.reflectionMessageTypes(ReflectionV1Alpha.self)

    static let reflectionEnumTypes: [any ProtoEnum.Type] = []

    static let reflectionServices: [ServiceSchema] = [
        .serverReflection(ReflectionV1.self), .serverReflection(ReflectionV1Alpha.self),
    ]

    private static func reflectionMessageTypes<Version: ReflectionVersion>(_ version: Version.Type) -> [any ProtoMessage.Type] {
        [
            ServerReflectionRequest<Version>.self, ExtensionRequest<Version>.self, ServerReflectionResponse<Version>.self,
            FileDescriptorResponse<Version>.self, ExtensionNumberResponse<Version>.self, ListServiceResponse<Version>.self,
            ServiceResponse<Version>.self, ErrorResponse<Version>.self,
        ]
    }
}
