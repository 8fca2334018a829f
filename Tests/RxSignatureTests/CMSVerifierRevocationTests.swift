import Foundation
import Testing

@testable import RxSignature

@Suite("CMS verification with CRLs reloaded at run time")
struct CMSVerifierRevocationTests {
    static let content: [UInt8] = Array("Đơn thuốc 79088".utf8)

    /// Writes the scratch CA's CRL with `lastUpdate` `hoursAgo` hours back, so a later CRL is newer.
    private static func publishCRL(_ ca: ScratchCA, hoursAgo: Int, to path: String) throws {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMddHHmmss'Z'"
        let lastUpdate = formatter.string(from: Date().addingTimeInterval(-Double(hoursAgo) * 3600))
        try OpenSSLTool.run([
            "ca", "-config", "\(ca.directory)/ca.cnf", "-cert", ca.certificate, "-keyfile", ca.key, "-gencrl",
            "-crl_lastupdate", lastUpdate, "-crldays", "30", "-out", path,
        ])
    }

    @Test("a certificate revoked after start is refused once the newer CRL is reloaded")
    func reloadRevokes() throws {
        try withTemporaryDirectory { directory in
            let ca = try ScratchCA(directory: directory, certificate: DevPKI.signingCA, key: DevPKI.signingCAKey)
            let doctor = try ca.issue("doctor", subject: CMSVerifierTests.doctorSubject)
            let crl = "\(directory)/signing-crl.pem"
            try Self.publishCRL(ca, hoursAgo: 2, to: crl)
            let verifier = try CMSVerifier(trustedCAFile: DevPKI.signingCA, crlFiles: [crl])
            let signature = try CMSSigner.sign(
                content: Self.content, certificateFile: doctor.certificate, privateKeyFile: doctor.key)
            let now = Int64(Date().timeIntervalSince1970)
            #expect(try verifier.verify(signature, at: now).content == Self.content)

            try OpenSSLTool.run([
                "ca", "-config", "\(directory)/ca.cnf", "-cert", ca.certificate, "-keyfile", ca.key, "-revoke",
                doctor.certificate,
            ])
            try Self.publishCRL(ca, hoursAgo: 1, to: crl)
            // Signed after the revocation: a signature made before it would stay valid.
            let later = try CMSSigner.sign(
                content: Self.content, certificateFile: doctor.certificate, privateKeyFile: doctor.key)
            let afterwards = Int64(Date().timeIntervalSince1970)
            #expect(try verifier.verify(later, at: afterwards).content == Self.content, "not yet reloaded")
            try verifier.reloadRevocationLists(crlFile: crl)
            #expect {
                try verifier.verify(later, at: afterwards)
            } throws: { error in
                guard case .certificateRevoked = error as? SignatureError else { return false }
                return true
            }
        }
    }

    @Test("reloading a file without a CRL fails and names the file")
    func unreadableReload() throws {
        try withTemporaryDirectory { directory in
            let verifier = try CMSVerifier(trustedCAFile: DevPKI.signingCA)
            let empty = "\(directory)/empty.pem"
            try "".write(toFile: empty, atomically: true, encoding: .utf8)
            #expect {
                try verifier.reloadRevocationLists(crlFile: empty)
            } throws: { error in
                guard case .unreadableFile(let path, _) = error as? SignatureError else { return false }
                return path == empty
            }
        }
    }
}
