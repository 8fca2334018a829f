import Foundation

/// Paths into the repository's development PKI (Certs/dev), found relative to this source file so the
/// tests run from any working directory.
enum DevPKI {
    static let directory: String = {
        var url = URL(fileURLWithPath: #filePath)
        // Tests/RxSignatureTests/Support/DevPKI.swift → repository root.
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.appendingPathComponent("Certs/dev").path
    }()

    static func path(_ name: String) -> String { "\(directory)/\(name)" }

    static var signingCA: String { path("signing-ca.crt") }
    static var signingCAKey: String { path("signing-ca.key") }
}
