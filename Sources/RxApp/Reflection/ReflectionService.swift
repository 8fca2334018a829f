import RxTransport
import RxWire

/// gRPC server reflection (`grpc.reflection.v1` and `v1alpha`): lets grpcurl, grpcui, Postman and
/// grpcio's reflection client list our services and fetch their `.proto` descriptors, so they can
/// call us without the `.proto` files.
///
/// Each request on the stream gets one response, in order; a request that cannot be answered gets
/// an `error_response` (NOT_FOUND, UNIMPLEMENTED) and the stream stays open.
public struct ReflectionService: Sendable {
    let index: DescriptorIndex
    let serviceNames: [String]

    /// - Parameters:
    ///   - index: the descriptors served.
    ///   - serviceNames: the services `list_services` reports: those the router really answers.
    public init(index: DescriptorIndex, serviceNames: [String]) {
        self.index = index
        self.serviceNames = serviceNames.sorted()
    }

    public func register(in router: inout Router, access: (String) -> MethodAccess) {
        self.register(ReflectionV1.self, in: &router, access: access)
        self.register(ReflectionV1Alpha.self, in: &router, access: access)
    }

    private func register<Version: ReflectionVersion>(
        _ version: Version.Type, in router: inout Router, access: (String) -> MethodAccess
    ) {
        let path = "/\(Version.package).ServerReflection/ServerReflectionInfo"
        router.registerBidirectionalStreaming(path, access: access(path)) {
            (requests: ServerRequestStream<ServerReflectionRequest<Version>>,
             responses: ServerStreamWriter<ServerReflectionResponse<Version>>, _) in
            for try await request in requests {
                try await responses.send(self.answer(request))
            }
        }
    }

    /// The response to one request.
    func answer<Version>(_ request: ServerReflectionRequest<Version>) -> ServerReflectionResponse<Version> {
        var response = ServerReflectionResponse<Version>(originalRequest: request, messageResponse: nil)
        response.validHost = request.host
        switch request.messageRequest {
        case .listServices:
            response.messageResponse = .listServicesResponse(
                ListServiceResponse(service: self.serviceNames.map { ServiceResponse(name: $0) }))
        case .fileByFilename(let name):
            response.messageResponse = self.files(name, missing: "file \"\(name)\" not found")
        case .fileContainingSymbol(let symbol):
            let file = self.index.file(containingSymbol: symbol) ?? ""
            response.messageResponse = self.files(file, missing: "symbol \"\(symbol)\" not found")
        case .fileContainingExtension(let request):
            response.messageResponse = .errorResponse(ErrorResponse(
                errorCode: Int32(GRPCStatus.Code.notFound.rawValue),
                errorMessage: "extension \(request.extensionNumber) of \(request.containingType) not found: no .proto here declares extensions"))
        case .allExtensionNumbersOfType(let type):
            if self.index.file(containingSymbol: type) != nil {
                response.messageResponse = .allExtensionNumbersResponse(
                    ExtensionNumberResponse(baseTypeName: type, extensionNumber: []))
            } else {
                response.messageResponse = .errorResponse(ErrorResponse(
                    errorCode: Int32(GRPCStatus.Code.notFound.rawValue), errorMessage: "type \"\(type)\" not found"))
            }
        case nil:
            response.messageResponse = .errorResponse(ErrorResponse(
                errorCode: Int32(GRPCStatus.Code.invalidArgument.rawValue),
                errorMessage: "request sets none of message_request's fields"))
        }
        return response
    }

    private func files<Version>(_ name: String, missing: String) -> ServerReflectionResponse<Version>.MessageResponse {
        guard let files = self.index.fileWithDependencies(name) else {
            return .errorResponse(ErrorResponse(errorCode: Int32(GRPCStatus.Code.notFound.rawValue), errorMessage: missing))
        }
        return .fileDescriptorResponse(FileDescriptorResponse(fileDescriptorProto: files.map(\.bytes)))
    }
}
