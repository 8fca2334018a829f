import Foundation
import RxWire
import Testing

/// Conformance test 1: `Protos/` (through protoc) and the Swift schemas agree on every
/// message, field, enum value and service method.
@Suite("Schema drift between Protos/ and the Swift codecs")
struct SchemaDriftTests {
    private func drift(protos: URL? = nil) throws -> [String] {
        let protoc = try ProtocRunner.locate()
        let descriptors = try FileDescriptorSet(serializedBytes: try protoc.descriptorSet(protos: protos))
        return SchemaDrift(descriptors: descriptors).differences(
            messages: ProtoSchema.messages, enums: ProtoSchema.enums, services: ProtoSchema.services)
    }

    @Test("every message, field, enum value and method in Protos/ matches the Swift schema")
    func protosMatchSwift() throws {
        let differences = try self.drift()
        #expect(differences == [], "schema drift:\n\(differences.joined(separator: "\n"))")
    }

    @Test("the descriptor set names every message type and service the Swift side declares")
    func descriptorSetIsComplete() throws {
        let protoc = try ProtocRunner.locate()
        let descriptors = try FileDescriptorSet(serializedBytes: try protoc.descriptorSet())
        #expect(descriptors.file.map(\.name).sorted() == [
            "grpc/health/v1/health.proto", "grpc/reflection/v1/reflection.proto", "grpc/reflection/v1alpha/reflection.proto",
            "rx/v1/diagnostics.proto", "rx/v1/drugs.proto", "rx/v1/prescription.proto",
            "rx/v1/prescriptions.proto", "rx/v1/statistics.proto",
        ])
        #expect(descriptors.file.allSatisfy { $0.syntax == "proto3" })
    }

    @Test("a field added to a .proto without the Swift side is reported by name")
    func addedFieldIsReported() throws {
        let differences = try self.driftAfterEditing("rx/v1/prescription.proto") { text in
            text.replacingOccurrences(
                of: "  optional string proposed_code = 11;\n",
                with: "  optional string proposed_code = 11;\n  string pharmacy_note = 13;\n")
        }
        #expect(differences == [
            "rx.v1.Prescription.pharmacy_note: field `string pharmacy_note = 13` is in Protos but not in the Swift schema",
        ])
    }

    @Test("a changed field type, an unpacked field and a removed enum value are each reported")
    func changedDeclarationsAreReported() throws {
        let differences = try self.driftAfterEditing("rx/v1/diagnostics.proto") { text in
            text.replacingOccurrences(of: "sint64 sint64_value = 6;", with: "int64 sint64_value = 6;")
                .replacingOccurrences(of: "repeated double packed_double = 20;", with: "repeated double packed_double = 20 [packed = false];")
                .replacingOccurrences(of: "  SAMPLE_KIND_LARGE = 2;\n", with: "")
                .replacingOccurrences(of: "rpc EchoStream(EchoRequest) returns (stream EchoResponse);", with: "rpc EchoStream(EchoRequest) returns (EchoResponse);")
        }
        #expect(differences == [
            "rx.v1.WireSample.packed_double: cardinality is repeated in Protos, packed in Swift",
            "rx.v1.WireSample.sint64_value: type is int64 in Protos, sint64 in Swift",
            "rx.v1.SampleKind.SAMPLE_KIND_LARGE = 2: in the Swift enum but not in Protos",
            "method /rx.v1.Diagnostics/EchoStream: Protos has rx.v1.EchoRequest -> rx.v1.EchoResponse, client streaming false, server streaming false; Swift has rx.v1.EchoRequest -> rx.v1.EchoResponse, client streaming false, server streaming true",
        ])
    }

    /// Copies Protos/ to a temporary directory, edits one file, and compares again.
    private func driftAfterEditing(_ file: String, _ edit: (String) -> String) throws -> [String] {
        let protoc = try ProtocRunner.locate()
        return try ProtocRunner.withTemporaryDirectory { temporary in
            let copy = temporary.appendingPathComponent("Protos")
            try FileManager.default.copyItem(at: protoc.protosDirectory, to: copy)
            let target = copy.appendingPathComponent(file)
            let original = try String(contentsOf: target, encoding: .utf8)
            let edited = edit(original)
            try #require(edited != original, "the edit did not apply to \(file)")
            try edited.write(to: target, atomically: true, encoding: .utf8)
            return try self.drift(protos: copy)
        }
    }
}
