import RxWire

extension ConformanceSample {
    /// Samples for `grpc/reflection/v1/reflection.proto` and its v1alpha twin: each oneof member of
    /// both request and response, for both packages.
    static let reflection: [ConformanceSample] = reflectionSamples(ReflectionV1.self) + reflectionSamples(ReflectionV1Alpha.self)

    private static func reflectionSamples<Version: ReflectionVersion>(_ version: Version.Type) -> [ConformanceSample] {
        let package = Version.package
        let requests: [(ServerReflectionRequest<Version>.MessageRequest, String)] = [
            (.fileByFilename("rx/v1/prescriptions.proto"), #"file_by_filename: "rx/v1/prescriptions.proto""#),
            (.fileContainingSymbol("rx.v1.Prescriptions.Get"), #"file_containing_symbol: "rx.v1.Prescriptions.Get""#),
            (
                .fileContainingExtension(ExtensionRequest(containingType: "rx.v1.Prescription", extensionNumber: -7)),
                #"file_containing_extension { containing_type: "rx.v1.Prescription" extension_number: -7 }"#
            ),
            (.allExtensionNumbersOfType("rx.v1.Prescription"), #"all_extension_numbers_of_type: "rx.v1.Prescription""#),
            (.listServices("*"), #"list_services: "*""#),
        ]
        var samples = requests.map { request, text in
            ConformanceSample(
                name: "\(package) ServerReflectionRequest \(text.prefix(while: { $0 != ":" }))",
                message: ServerReflectionRequest<Version>(host: "rx.gov.vn", messageRequest: request),
                text: "host: \"rx.gov.vn\"\n\(text)")
        }
        let original = ServerReflectionRequest<Version>(messageRequest: .listServices(""))
        let responses: [(ServerReflectionResponse<Version>.MessageResponse, String)] = [
            (
                .fileDescriptorResponse(FileDescriptorResponse(fileDescriptorProto: [[0x0A, 0x01, 0x61], []])),
                #"file_descriptor_response { file_descriptor_proto: ["\n\001a", ""] }"#
            ),
            (
                .allExtensionNumbersResponse(ExtensionNumberResponse(baseTypeName: "rx.v1.Prescription", extensionNumber: [100, -1])),
                #"all_extension_numbers_response { base_type_name: "rx.v1.Prescription" extension_number: [100, -1] }"#
            ),
            (
                .listServicesResponse(ListServiceResponse(service: [ServiceResponse(name: "rx.v1.Prescriptions"), ServiceResponse(name: "")])),
                #"list_services_response { service { name: "rx.v1.Prescriptions" } service { } }"#
            ),
            (
                .errorResponse(ErrorResponse(errorCode: 5, errorMessage: "không tìm thấy rx.v1.Nope")),
                #"error_response { error_code: 5 error_message: "không tìm thấy rx.v1.Nope" }"#
            ),
        ]
        samples += responses.map { response, text in
            var message = ServerReflectionResponse<Version>(originalRequest: original, messageResponse: response)
            message.validHost = "rx.gov.vn"
            return ConformanceSample(
                name: "\(package) ServerReflectionResponse \(text.prefix(while: { $0 != " " }))", message: message,
                text: "valid_host: \"rx.gov.vn\"\noriginal_request { list_services: \"\" }\n\(text)")
        }
        return samples
    }
}
