import Foundation
import Testing

@testable import RxSignature

@Suite("Signer chains remembered between verifications")
struct SignerChainCacheTests {
    static let content: [UInt8] = Array("Đơn thuốc 79088".utf8)

    private static func signed(by name: String) throws -> [UInt8] {
        try CMSSigner.sign(
            content: Self.content, certificateFile: DevPKI.path("\(name).crt"), privateKeyFile: DevPKI.path("\(name).key"))
    }

    @Test("a second signature by the same doctor is answered from the remembered chain with the same details")
    func rememberedChain() throws {
        let verifier = try CMSVerifier(trustedCAFile: DevPKI.signingCA)
        let now = Int64(Date().timeIntervalSince1970)
        let first = try verifier.verify(Self.signed(by: "doctor-1"), at: now)
        #expect(verifier.chainCache.count == 1)
        let second = try verifier.verify(Self.signed(by: "doctor-1"), at: now)
        #expect(verifier.chainCache.count == 1)
        #expect(second == first)
        _ = try verifier.verify(Self.signed(by: "doctor-2"), at: now)
        #expect(verifier.chainCache.count == 2)
    }

    @Test("a remembered chain does not cover a moment outside the certificate's validity")
    func outsideValidity() throws {
        let verifier = try CMSVerifier(trustedCAFile: DevPKI.signingCA)
        let signature = try Self.signed(by: "doctor-1")
        let verified = try verifier.verify(signature, at: Int64(Date().timeIntervalSince1970))
        #expect(verifier.chainCache.count == 1)
        #expect {
            try verifier.verify(signature, at: verified.notAfter + 1)
        } throws: { error in
            guard case .certificateExpired = error as? SignatureError else { return false }
            return true
        }
    }

    @Test("a tampered signature is refused even when its signer's chain is remembered")
    func tamperedAfterRemembered() throws {
        let verifier = try CMSVerifier(trustedCAFile: DevPKI.signingCA)
        let now = Int64(Date().timeIntervalSince1970)
        var signature = try Self.signed(by: "doctor-1")
        _ = try verifier.verify(signature, at: now)
        guard let position = signature.firstIndex(of: Self.content[0]) else {
            Issue.record("the content is not in the signature")
            return
        }
        signature[position] ^= 0x01
        #expect {
            try verifier.verify(signature, at: now)
        } throws: { error in
            guard case .invalidSignature = error as? SignatureError else { return false }
            return true
        }
    }

    @Test("loading a CRL changes the store generation that remembered chains are tied to; a revoked signer stays refused")
    func revokedNotRemembered() throws {
        try withTemporaryDirectory { directory in
            let ca = try ScratchCA(directory: directory, certificate: DevPKI.signingCA, key: DevPKI.signingCAKey)
            let revoked = try ca.issue("revoked", subject: CMSVerifierTests.doctorSubject)
            let crl = try ca.revokeAndPublishCRL(revoked.certificate)
            let plain = try CMSVerifier(trustedCAFile: DevPKI.signingCA)
            let before = SignerChainCache.generation(of: plain.trustStore)
            try plain.reloadRevocationLists(crlFile: crl)
            #expect(SignerChainCache.generation(of: plain.trustStore) == before + 1)

            let checking = try CMSVerifier(trustedCAFile: DevPKI.signingCA, crlFiles: [crl])
            let bad = try CMSSigner.sign(
                content: Self.content, certificateFile: revoked.certificate, privateKeyFile: revoked.key)
            for _ in 0..<2 {
                #expect {
                    try checking.verify(bad, at: Int64(Date().timeIntervalSince1970))
                } throws: { error in
                    guard case .certificateRevoked = error as? SignatureError else { return false }
                    return true
                }
            }
            #expect(checking.chainCache.count == 0)
        }
    }
}
