import Foundation
import Synchronization
import Testing

@testable import RxSignature

@Suite("CMS signing")
struct CMSSignerTests {
    static let content: [UInt8] = Array("prescription bytes \u{1}\u{2}".utf8)

    @Test("our signature verifies with our verifier, attached content and a signing time")
    func roundTrip() throws {
        let signature = try CMSSigner.sign(
            content: Self.content, certificateFile: DevPKI.path("doctor-1.crt"),
            privateKeyFile: DevPKI.path("doctor-1.key"))
        let verified = try CMSVerifier(trustedCAFile: DevPKI.signingCA).verify(
            signature, at: Int64(Date().timeIntervalSince1970))
        #expect(verified.content == Self.content)
        #expect(verified.signerPractisingCertificate == "000123/HCM-CCHN")
        #expect(verified.signingTime != nil)
    }

    @Test("our signature verifies with the openssl cms command-line tool and yields the same bytes")
    func verifiesWithOpenSSLTool() throws {
        let signature = try CMSSigner.sign(
            content: Self.content, certificateFile: DevPKI.path("doctor-2.crt"),
            privateKeyFile: DevPKI.path("doctor-2.key"))
        let output = try withTemporaryDirectory { directory in
            let input = "\(directory)/rx.p7s"
            try Data(signature).write(to: URL(fileURLWithPath: input))
            return try OpenSSLTool.run([
                "cms", "-verify", "-binary", "-inform", "DER", "-in", input, "-CAfile", DevPKI.signingCA,
            ])
        }
        #expect(Array(output) == Self.content)
    }

    @Test("an empty content signs and verifies as empty")
    func emptyContent() throws {
        let signature = try CMSSigner.sign(
            content: [], certificateFile: DevPKI.path("doctor-1.crt"), privateKeyFile: DevPKI.path("doctor-1.key"))
        let verified = try CMSVerifier(trustedCAFile: DevPKI.signingCA).verify(
            signature, at: Int64(Date().timeIntervalSince1970))
        #expect(verified.content.isEmpty)
    }

    @Test("a key that does not belong to the certificate is refused")
    func mismatchedKey() {
        #expect {
            try CMSSigner.sign(
                content: Self.content, certificateFile: DevPKI.path("doctor-1.crt"),
                privateKeyFile: DevPKI.path("doctor-2.key"))
        } throws: { error in
            guard case .signingFailed = error as? SignatureError else { return false }
            return true
        }
    }

    @Test("a missing key file is reported with its path")
    func missingKeyFile() {
        #expect {
            try CMSSigner.sign(
                content: Self.content, certificateFile: DevPKI.path("doctor-1.crt"),
                privateKeyFile: "/nonexistent.key")
        } throws: { error in
            guard case .unreadableFile(let path, _) = error as? SignatureError else { return false }
            return path == "/nonexistent.key"
        }
    }

    @Test("an identity read once signs from several threads at once, each signature verifying with its own content")
    func identitySignsConcurrently() throws {
        let identity = try SigningIdentity(
            certificateFile: DevPKI.path("doctor-1.crt"), privateKeyFile: DevPKI.path("doctor-1.key"))
        let verifier = try CMSVerifier(trustedCAFile: DevPKI.signingCA)
        let now = Int64(Date().timeIntervalSince1970)
        let failures = Mutex(0)
        DispatchQueue.concurrentPerform(iterations: 8) { index in
            let content = Array("đơn \(index)".utf8)
            guard let signed = try? CMSSigner.sign(content: content, identity: identity),
                let verified = try? verifier.verify(signed, at: now), verified.content == content,
                verified.signerPractisingCertificate == "000123/HCM-CCHN"
            else {
                failures.withLock { $0 += 1 }
                return
            }
        }
        #expect(failures.withLock { $0 } == 0)
        #expect(throws: SignatureError.self) {
            try SigningIdentity(certificateFile: DevPKI.path("doctor-1.crt"), privateKeyFile: DevPKI.path("doctor-2.key"))
                .sign("mismatch")
        }
    }
}

extension SigningIdentity {
    fileprivate func sign(_ text: String) throws -> [UInt8] { try CMSSigner.sign(content: Array(text.utf8), identity: self) }
}
