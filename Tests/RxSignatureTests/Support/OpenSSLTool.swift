import Foundation

/// Runs the `openssl` command-line tool, so tests check our code against signatures and certificates
/// made by a second, independent implementation.
enum OpenSSLTool {
    struct Failure: Error, CustomStringConvertible {
        var arguments: [String]
        var status: Int32
        var output: String
        var description: String { "openssl \(arguments.joined(separator: " ")) exited \(status): \(output)" }
    }

    /// Runs `openssl arguments…` and returns its standard output; throws when it exits non-zero.
    @discardableResult
    static func run(_ arguments: [String], stdin: Data? = nil) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["openssl"] + arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        if stdin != nil {
            process.standardInput = Pipe()
        }
        try process.run()
        if let stdin, let input = process.standardInput as? Pipe {
            input.fileHandleForWriting.write(stdin)
            try input.fileHandleForWriting.close()
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(arguments: arguments, status: process.terminationStatus, output: errorText)
        }
        return data
    }

    /// `openssl cms -sign -binary -nodetach -outform DER` (or detached when `attached` is false).
    /// `signedAttributes: false` adds `-noattr`: no signed attributes, hence no signing time.
    static func cmsSign(
        content: [UInt8], certificate: String, key: String, attached: Bool = true, signedAttributes: Bool = true,
        in directory: String
    ) throws -> [UInt8] {
        let input = "\(directory)/content-\(UUID().uuidString).bin"
        let output = "\(directory)/signature-\(UUID().uuidString).p7s"
        try Data(content).write(to: URL(fileURLWithPath: input))
        var arguments = ["cms", "-sign", "-binary", "-outform", "DER", "-signer", certificate, "-inkey", key]
        if attached { arguments.append("-nodetach") }
        if !signedAttributes { arguments.append("-noattr") }
        arguments += ["-in", input, "-out", output]
        try run(arguments)
        return Array(try Data(contentsOf: URL(fileURLWithPath: output)))
    }
}

/// Runs `body` with a fresh temporary directory that is removed afterwards.
func withTemporaryDirectory<Result>(_ body: (String) throws -> Result) throws -> Result {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("rxsignature-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: url) }
    return try body(url.path)
}
