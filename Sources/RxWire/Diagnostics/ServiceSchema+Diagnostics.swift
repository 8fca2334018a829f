extension ServiceSchema {
    /// `rx.v1.Diagnostics`: echo calls for operators and transport tests.
    public static let diagnostics = ServiceSchema(name: "rx.v1.Diagnostics", methods: [
        MethodSchema(name: "Echo", inputType: EchoRequest.protoMessageName, outputType: EchoResponse.protoMessageName),
        MethodSchema(
            name: "EchoStream", inputType: EchoRequest.protoMessageName,
            outputType: EchoResponse.protoMessageName, serverStreaming: true),
    ])
}
