import Glibc

import RxSignature

/// Fixtures the fuzz targets need, located from the repository (this file's path, or `RX_REPO_ROOT`).
enum FuzzEnvironment {
    static let repositoryRoot: String = {
        if let root = getenvString("RX_REPO_ROOT") { return root }
        let components = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
        return components.dropLast(3).joined(separator: "/")
    }()

    /// A verifier trusting the development prescriber-signing CA, built once.
    static let signatureVerifier: CMSVerifier? = try? CMSVerifier(
        trustedCAFile: repositoryRoot + "/Certs/dev/signing-ca.crt")

    private static func getenvString(_ name: String) -> String? {
        guard let value = getenv(name) else { return nil }
        return String(cString: value)
    }
}
