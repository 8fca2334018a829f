extension ServiceSchema {
    /// `grpc.reflection.v*.ServerReflection`: one bidirectional-streaming method.
    public static func serverReflection<Version: ReflectionVersion>(_ version: Version.Type) -> ServiceSchema {
        ServiceSchema(name: "\(Version.package).ServerReflection", methods: [
            MethodSchema(
                name: "ServerReflectionInfo", inputType: ServerReflectionRequest<Version>.protoMessageName,
                outputType: ServerReflectionResponse<Version>.protoMessageName,
                clientStreaming: true, serverStreaming: true),
        ])
    }
}
