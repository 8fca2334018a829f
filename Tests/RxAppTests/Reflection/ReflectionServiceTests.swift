import Foundation
import RxTransport
import RxWire
import Testing

@testable import RxApp

/// Answers of the reflection service, one request at a time.
@Suite("Reflection answers")
struct ReflectionServiceTests {
    let service: ReflectionService

    init() throws {
        self.service = ReflectionService(
            index: try DescriptorIndex.bundled(), serviceNames: ["rx.v1.Prescriptions", "grpc.health.v1.Health"])
    }

    func files(_ request: ServerReflectionRequest<ReflectionV1>.MessageRequest) -> [String]? {
        let response = self.service.answer(ServerReflectionRequest<ReflectionV1>(messageRequest: request))
        guard case .fileDescriptorResponse(let files) = response.messageResponse else { return nil }
        return files.fileDescriptorProto.map { bytes in
            // Field 1 of FileDescriptorProto is its name; protoc writes it first.
            let length = Int(bytes[1])
            return String(decoding: bytes[2..<2 + length], as: UTF8.self)
        }
    }

    @Test("list_services reports the given services, sorted")
    func listServices() {
        let response = self.service.answer(ServerReflectionRequest<ReflectionV1Alpha>(messageRequest: .listServices("")))
        guard case .listServicesResponse(let list) = response.messageResponse else {
            Issue.record("expected a service list, got \(String(describing: response.messageResponse))")
            return
        }
        #expect(list.service.map(\.name) == ["grpc.health.v1.Health", "rx.v1.Prescriptions"])
        #expect(response.originalRequest?.messageRequest == .listServices(""))
    }

    @Test("symbols (service, method, message, nested enum) resolve to their file followed by its dependencies")
    func symbols() {
        #expect(self.files(.fileContainingSymbol("rx.v1.Prescriptions")) == ["rx/v1/prescriptions.proto", "rx/v1/prescription.proto"])
        #expect(self.files(.fileContainingSymbol("rx.v1.Prescriptions.Get"))?.first == "rx/v1/prescriptions.proto")
        #expect(self.files(.fileContainingSymbol(".rx.v1.GetPrescriptionRequest"))?.first == "rx/v1/prescriptions.proto")
        #expect(self.files(.fileContainingSymbol("grpc.health.v1.HealthCheckResponse.ServingStatus")) == ["grpc/health/v1/health.proto"])
        #expect(self.files(.fileByFilename("rx/v1/prescription.proto")) == ["rx/v1/prescription.proto"])
    }

    @Test("unknown files, symbols and extensions get NOT_FOUND error responses")
    func notFound() {
        for request: ServerReflectionRequest<ReflectionV1>.MessageRequest in [
            .fileByFilename("rx/v1/nope.proto"), .fileContainingSymbol("rx.v1.Nope"),
            .fileContainingExtension(ExtensionRequest(containingType: "rx.v1.Prescription", extensionNumber: 100)),
            .allExtensionNumbersOfType("rx.v1.Nope"),
        ] {
            let response = self.service.answer(ServerReflectionRequest<ReflectionV1>(messageRequest: request))
            guard case .errorResponse(let error) = response.messageResponse else {
                Issue.record("\(request): expected an error, got \(String(describing: response.messageResponse))")
                continue
            }
            #expect(error.errorCode == 5, "\(request)")
        }
    }
}
