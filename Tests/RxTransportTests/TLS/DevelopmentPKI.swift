@testable import RxTransport

/// Paths into the committed development PKI (`Certs/dev`, written by `tools/gen-dev-pki.sh`) and
/// contexts built from it, located from this file's path so tests run from any working directory.
enum DevelopmentPKI {
    /// `<repo>/Certs/dev`; this file is `<repo>/Tests/RxTransportTests/TLS/DevelopmentPKI.swift`.
    static let directory: String = {
        let components = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
        return components.dropLast(4).joined(separator: "/") + "/Certs/dev"
    }()

    static func path(_ file: String) -> String {
        "\(directory)/\(file)"
    }

    static func serverContext() throws -> TLSContext {
        try TLSContext.server(
            certificateChainFile: path("server.crt"), privateKeyFile: path("server.key"),
            clientCAFile: path("ca.crt"))
    }

    /// A client context presenting `identity` (`hospital-prescriber`, …; `nil` for no certificate).
    static func clientContext(
        identity: String?,
        serverName: String? = "localhost",
        trustedCA: String = "ca.crt",
        alpnProtocols: [String] = ["h2"],
        maximumProtocolVersion: TLSContext.ProtocolVersion = .tls13
    ) throws -> TLSContext {
        try TLSContext.client(
            certificateChainFile: identity.map { path("\($0).crt") },
            privateKeyFile: identity.map { path("\($0).key") },
            trustedCAFile: path(trustedCA),
            serverName: serverName,
            alpnProtocols: alpnProtocols,
            maximumProtocolVersion: maximumProtocolVersion)
    }
}
