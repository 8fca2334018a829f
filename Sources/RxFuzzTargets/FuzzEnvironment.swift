import Glibc

import RxSignature

/// Fixtures the fuzz targets need, located from the repository (this file's path, or `RX_REPO_ROOT`).
enum FuzzEnvironment {
    static let repositoryRoot: String = {
        if let root = getenvString("RX_REPO_ROOT") { return root }
        let components = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
        return components.dropLast(3).joined(separator: "/")
    }()

    static var signingCA: String { repositoryRoot + "/Certs/dev/signing-ca.crt" }

    /// "Now" for the signature targets (2027-01-15: inside the development certificates' validity).
    static let verificationTime: Int64 = 1_800_000_000

    /// A verifier trusting the development prescriber-signing CA, built once.
    static let signatureVerifier: CMSVerifier? = try? CMSVerifier(trustedCAFile: signingCA)

    /// A verifier that has already validated both development doctors' chains, so their signatures take
    /// the fast path.
    static let warmSignatureVerifier: CMSVerifier? = {
        guard let verifier = try? CMSVerifier(trustedCAFile: signingCA) else { return nil }
        for doctor in ["doctor-1", "doctor-2"] {
            let directory = repositoryRoot + "/Certs/dev/"
            guard let signed = try? CMSSigner.sign(
                content: Array("warm-up".utf8), certificateFile: directory + doctor + ".crt",
                privateKeyFile: directory + doctor + ".key"),
                (try? verifier.verify(signed, at: verificationTime)) != nil
            else { return nil }
        }
        return verifier
    }()

    private static func getenvString(_ name: String) -> String? {
        guard let value = getenv(name) else { return nil }
        return String(cString: value)
    }
}
