import Foundation
import Testing

@testable import RxSignature

/// Signatures made before the signer's revocation stay valid; signatures made at or after it, and
/// signatures with no signing time at all, are refused. CRLs are made at test time with `openssl ca`
/// and the revocation date written into its database.
@Suite("CMS verification weighs the revocation date against the signing time")
struct CMSVerifierRevocationDateTests {
    static let content: [UInt8] = Array("Đơn thuốc 79088 trước khi thu hồi".utf8)

    /// A scratch CA on the development signing CA key, one doctor, and a signature made now.
    private struct Fixture {
        let ca: ScratchCA
        let doctor: (certificate: String, key: String)
        let signature: [UInt8]
        /// The signature's signed signing time, read back through a verifier without CRLs.
        let signingTime: Int64

        init(directory: String) throws {
            self.ca = try ScratchCA(directory: directory, certificate: DevPKI.signingCA, key: DevPKI.signingCAKey)
            self.doctor = try self.ca.issue("doctor", subject: CMSVerifierTests.doctorSubject)
            self.signature = try CMSSigner.sign(
                content: CMSVerifierRevocationDateTests.content, certificateFile: self.doctor.certificate,
                privateKeyFile: self.doctor.key)
            let plain = try CMSVerifier(trustedCAFile: DevPKI.signingCA)
            self.signingTime = try #require(try plain.verify(self.signature, at: CMSVerifierTests.now).signingTime)
        }

        /// A verifier holding the CA's CRL after the doctor was revoked at `revokedAt`.
        func verifier(doctorRevokedAt revokedAt: Int64?) throws -> CMSVerifier {
            if let revokedAt {
                try self.ca.revoke(self.doctor.certificate, at: revokedAt)
            }
            return try CMSVerifier(trustedCAFile: DevPKI.signingCA, crlFiles: [try self.ca.publishCRL()])
        }
    }

    private static func isRevocation(_ error: any Error, mentioning text: String) -> Bool {
        guard case .certificateRevoked(let detail) = error as? SignatureError else { return false }
        return detail.contains(text)
    }

    @Test("a signature made an hour before the signer's revocation is accepted after it")
    func signedBeforeRevocation() throws {
        try withTemporaryDirectory { directory in
            let fixture = try Fixture(directory: directory)
            let verifier = try fixture.verifier(doctorRevokedAt: fixture.signingTime + 3600)
            let verified = try verifier.verify(fixture.signature, at: fixture.signingTime + 7200)
            #expect(verified.content == Self.content)
            #expect(verified.signingTime == fixture.signingTime)
        }
    }

    @Test("a signature made after the signer's revocation is refused, naming both times")
    func signedAfterRevocation() throws {
        try withTemporaryDirectory { directory in
            let fixture = try Fixture(directory: directory)
            let verifier = try fixture.verifier(doctorRevokedAt: fixture.signingTime - 3600)
            #expect {
                try verifier.verify(fixture.signature, at: CMSVerifierTests.now)
            } throws: { error in
                Self.isRevocation(error, mentioning: "signed at \(UnixTime.rfc3339(fixture.signingTime))")
            }
        }
    }

    @Test("a signature made in the very second of the revocation is refused")
    func signedAtRevocation() throws {
        try withTemporaryDirectory { directory in
            let fixture = try Fixture(directory: directory)
            let verifier = try fixture.verifier(doctorRevokedAt: fixture.signingTime)
            #expect {
                try verifier.verify(fixture.signature, at: fixture.signingTime + 60)
            } throws: { error in
                Self.isRevocation(error, mentioning: "revoked at \(UnixTime.rfc3339(fixture.signingTime))")
            }
        }
    }

    @Test("a revoked signer's signature without a signing time is refused, an unrevoked one's accepted")
    func noSigningTime() throws {
        try withTemporaryDirectory { directory in
            let fixture = try Fixture(directory: directory)
            let undated = try OpenSSLTool.cmsSign(
                content: Self.content, certificate: fixture.doctor.certificate, key: fixture.doctor.key,
                signedAttributes: false, in: directory)
            let before = try fixture.verifier(doctorRevokedAt: nil)
            let accepted = try before.verify(undated, at: fixture.signingTime + 60)
            #expect(accepted.signingTime == nil)
            #expect(accepted.content == Self.content)

            // Revoked a day after the signature was (by all other evidence) made: still refused.
            let after = try fixture.verifier(doctorRevokedAt: fixture.signingTime + 86_400)
            #expect {
                try after.verify(undated, at: fixture.signingTime + 2 * 86_400)
            } throws: { error in
                Self.isRevocation(error, mentioning: "no signing time")
            }
        }
    }

    @Test("a signer the CRL does not list is accepted while another certificate is revoked")
    func notRevoked() throws {
        try withTemporaryDirectory { directory in
            let fixture = try Fixture(directory: directory)
            let other = try fixture.ca.issue("other", subject: CMSVerifierTests.doctorSubject)
            try fixture.ca.revoke(other.certificate, at: fixture.signingTime - 3600)
            let verifier = try fixture.verifier(doctorRevokedAt: nil)
            #expect(try verifier.verify(fixture.signature, at: fixture.signingTime + 60).content == Self.content)
        }
    }

    @Test("the revocation rule compares the dates strictly")
    func rule() throws {
        #expect(throws: Never.self) {
            try CMSVerifier.checkSignedBeforeRevocation(revokedAt: 1_800_000_001, signingTime: 1_800_000_000)
        }
        for signingTime: Int64? in [1_800_000_001, 1_800_000_002, nil] {
            #expect(throws: SignatureError.self) {
                try CMSVerifier.checkSignedBeforeRevocation(revokedAt: 1_800_000_001, signingTime: signingTime)
            }
        }
    }
}
