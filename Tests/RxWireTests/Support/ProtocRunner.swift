import Foundation
import Testing

/// Runs `protoc` against the repository's `Protos/` directory for conformance tests.
///
/// A missing `protoc` is a test failure, not a skip: the conformance tests are the
/// only guard against the hand-written codecs drifting from the schema.
struct ProtocRunner {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    let executable: URL
    let protosDirectory: URL

    /// Finds `protoc` on PATH and `Protos/` from this file's location in the repository.
    static func locate(filePath: String = #filePath) throws -> ProtocRunner {
        let root = try Self.repositoryRoot(from: filePath)
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        let candidates = path.split(separator: ":").map { URL(fileURLWithPath: String($0)).appendingPathComponent("protoc") }
        guard let protoc = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw Failure(description: "protoc not found on PATH; install protobuf-compiler (e.g. apt-get install protobuf-compiler)")
        }
        return ProtocRunner(executable: protoc, protosDirectory: root.appendingPathComponent("Protos"))
    }

    /// The directory holding Package.swift, found by walking up from `filePath`.
    static func repositoryRoot(from filePath: String) throws -> URL {
        var directory = URL(fileURLWithPath: filePath).deletingLastPathComponent()
        while directory.path != "/" {
            if FileManager.default.fileExists(atPath: directory.appendingPathComponent("Package.swift").path) {
                return directory
            }
            directory = directory.deletingLastPathComponent()
        }
        throw Failure(description: "no Package.swift above \(filePath)")
    }

    /// Every `.proto` file under `directory`, relative to it, sorted.
    static func protoFiles(in directory: URL) throws -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: directory.path) else {
            throw Failure(description: "cannot list \(directory.path)")
        }
        return enumerator.compactMap { $0 as? String }.filter { $0.hasSuffix(".proto") }.sorted()
    }

    /// `protoc --include_imports --descriptor_set_out` over every file in `protos`.
    func descriptorSet(protos: URL? = nil) throws -> [UInt8] {
        let directory = protos ?? self.protosDirectory
        return try Self.withTemporaryDirectory { temporary in
            let output = temporary.appendingPathComponent("descriptors.pb")
            let files = try Self.protoFiles(in: directory)
            _ = try self.run(
                ["-I", directory.path, "--include_imports", "--descriptor_set_out=\(output.path)"] + files, input: [])
            return try [UInt8](Data(contentsOf: output))
        }
    }

    /// `protoc --encode=type`: text format in, binary out.
    func encode(type: String, text: String) throws -> [UInt8] {
        try self.run(["-I", self.protosDirectory.path, "--encode=\(type)"] + Self.protoFiles(in: self.protosDirectory),
                     input: Array(text.utf8))
    }

    /// `protoc --decode=type`: binary in, text format out.
    func decode(type: String, bytes: [UInt8]) throws -> String {
        let output = try self.run(
            ["-I", self.protosDirectory.path, "--decode=\(type)"] + Self.protoFiles(in: self.protosDirectory), input: bytes)
        return String(decoding: output, as: UTF8.self)
    }

    private func run(_ arguments: [String], input: [UInt8]) throws -> [UInt8] {
        try Self.withTemporaryDirectory { temporary in
            let inputFile = temporary.appendingPathComponent("stdin")
            let outputFile = temporary.appendingPathComponent("stdout")
            let errorFile = temporary.appendingPathComponent("stderr")
            try Data(input).write(to: inputFile)
            try Data().write(to: outputFile)
            try Data().write(to: errorFile)
            let process = Process()
            process.executableURL = self.executable
            process.arguments = arguments
            process.currentDirectoryURL = temporary
            process.standardInput = try FileHandle(forReadingFrom: inputFile)
            process.standardOutput = try FileHandle(forWritingTo: outputFile)
            process.standardError = try FileHandle(forWritingTo: errorFile)
            try process.run()
            process.waitUntilExit()
            let errors = String(decoding: try Data(contentsOf: errorFile), as: UTF8.self)
            guard process.terminationStatus == 0 else {
                throw Failure(description: "protoc \(arguments.joined(separator: " ")) failed (\(process.terminationStatus)): \(errors)")
            }
            return try [UInt8](Data(contentsOf: outputFile))
        }
    }

    static func withTemporaryDirectory<Result>(_ body: (URL) throws -> Result) throws -> Result {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rxwire-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        return try body(directory)
    }
}
