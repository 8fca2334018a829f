/// The types of `rx/v1/diagnostics.proto`.
extension ProtoSchema {
    static let diagnosticsMessageTypes: [any ProtoMessage.Type] = [
        WireSample.self, WireSample.Nested.self, EchoRequest.self, EchoResponse.self,
    ]

    static let diagnosticsEnumTypes: [any ProtoEnum.Type] = [SampleKind.self]
}
