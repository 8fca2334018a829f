import Foundation
import Testing

@testable import RxApp

/// The committed descriptor set must be what protoc makes of today's `Protos/`.
@Suite("Committed descriptor set")
struct DescriptorSetTests {
    @Test("DescriptorSet.swift matches protoc's output for Protos/, file by file (else run tools/gen-descriptor-set.sh)")
    func committedSetIsFresh() throws {
        let fresh = try DescriptorIndex(descriptorSet: try Self.protocDescriptorSet())
        let committed = try DescriptorIndex.bundled()
        #expect(committed.files.keys.sorted() == fresh.files.keys.sorted(), "rerun tools/gen-descriptor-set.sh")
        for (name, file) in fresh.files {
            let same = committed.files[name]?.bytes == file.bytes
            #expect(same, "\(name) is stale: rerun tools/gen-descriptor-set.sh")
        }
    }

    static func protocDescriptorSet() throws -> [UInt8] {
        var root = URL(fileURLWithPath: #filePath)
        while !FileManager.default.fileExists(atPath: root.appendingPathComponent("Package.swift").path) {
            root.deleteLastPathComponent()
            try #require(root.path != "/", "no Package.swift above \(#filePath)")
        }
        let protos = root.appendingPathComponent("Protos")
        let files = try #require(FileManager.default.enumerator(atPath: protos.path))
            .compactMap { $0 as? String }.filter { $0.hasSuffix(".proto") }
            .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("rx-descriptors-\(UUID().uuidString).pb")
        defer { try? FileManager.default.removeItem(at: output) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["protoc", "-I", protos.path, "--include_imports", "--descriptor_set_out=\(output.path)"] + files
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "protoc failed (is protobuf-compiler installed?)")
        return [UInt8](try Data(contentsOf: output))
    }
}
