import Foundation
import Testing

@testable import RxSignature

/// The fast path accepts only what the full OpenSSL verification accepts, with the same answer, and
/// leaves everything else to it.
@Suite("CMS verification fast path")
struct CMSVerifierFastPathTests {
    static var now: Int64 { Int64(Date().timeIntervalSince1970) }

    static func sign(_ text: String, doctor: String = "doctor-1") throws -> [UInt8] {
        try CMSSigner.sign(
            content: Array(text.utf8), certificateFile: DevPKI.path("\(doctor).crt"), privateKeyFile: DevPKI.path("\(doctor).key"))
    }

    /// A verifier that has validated doctor-1's chain once (by the full path).
    static func warmVerifier() throws -> CMSVerifier {
        let verifier = try CMSVerifier(trustedCAFile: DevPKI.signingCA)
        #expect(verifier.verifyFast(try Self.sign("first"), at: Self.now) == nil)
        _ = try verifier.verify(try Self.sign("first"), at: Self.now)
        return verifier
    }

    @Test("a known signer's next prescription takes the fast path, with the full path's exact answer")
    func knownSignerFast() throws {
        let verifier = try Self.warmVerifier()
        let signature = try Self.sign("Đơn thuốc thứ hai\r\n")
        let fast = try #require(verifier.verifyFast(signature, at: Self.now))
        let full = try CMSVerifier(trustedCAFile: DevPKI.signingCA).verify(signature, at: Self.now)
        #expect(fast == full)
        #expect(verifier.fastPathVerifications.withLock { $0 } == 1)
        #expect(try verifier.verify(signature, at: Self.now) == full)
        #expect(verifier.fastPathVerifications.withLock { $0 } == 2)
    }

    @Test("an unknown signer, and the openssl tool's signatures before their signer is known, go the full way")
    func unknownSignerFull() throws {
        let verifier = try Self.warmVerifier()
        let other = try Self.sign("khác", doctor: "doctor-2")
        #expect(verifier.verifyFast(other, at: Self.now) == nil)
        _ = try verifier.verify(other, at: Self.now)
        #expect(verifier.verifyFast(try Self.sign("lần sau", doctor: "doctor-2"), at: Self.now) != nil)
        let tool = try withTemporaryDirectory { directory in
            try OpenSSLTool.cmsSign(
                content: Array("công cụ".utf8), certificate: DevPKI.path("doctor-1.crt"), key: DevPKI.path("doctor-1.key"),
                in: directory)
        }
        let fast = try #require(verifier.verifyFast(tool, at: Self.now))
        #expect(fast == (try CMSVerifier(trustedCAFile: DevPKI.signingCA).verify(tool, at: Self.now)))
    }

    @Test("outside the certificate's validity the fast path steps aside")
    func outsideValidity() throws {
        let verifier = try Self.warmVerifier()
        #expect(verifier.verifyFast(try Self.sign("muộn"), at: 4_000_000_000) == nil)
    }

    @Test("every single-bit flip, truncation and appended byte: the fast path accepts only what the full path accepts, identically")
    func mutationsNeverAcceptedAlone() throws {
        let verifier = try Self.warmVerifier()
        let signature = try Self.sign("Đơn thuốc 79088: amoxicillin 500 mg × 20")
        var accepted: [[UInt8]] = []
        for index in signature.indices {
            for bit in [UInt8(0x01), 0x80] {
                var mutated = signature
                mutated[index] ^= bit
                if verifier.verifyFast(mutated, at: Self.now) != nil { accepted.append(mutated) }
            }
        }
        for length in 0..<signature.count {
            #expect(verifier.verifyFast(Array(signature.prefix(length)), at: Self.now) == nil)
        }
        #expect(verifier.verifyFast(signature + [0], at: Self.now) == nil)
        // Every byte of this shape is either covered by the signature, checked against the cached
        // certificate, or required to hold one exact value, so no flip may pass; one that did would also
        // have to pass the full path, with the same answer.
        #expect(accepted.isEmpty)
        for mutated in accepted {
            let full = try? CMSVerifier(trustedCAFile: DevPKI.signingCA).verify(mutated, at: Self.now)
            #expect(full != nil && full == verifier.verifyFast(mutated, at: Self.now))
        }
    }

    @Test("DER set order: equal or shorter-prefix encodings come first")
    func setOrder() {
        #expect(SignedDataParts.precedesInSetOrder([0x30, 0x01], [0x30, 0x02]))
        #expect(!SignedDataParts.precedesInSetOrder([0x30, 0x02], [0x30, 0x01]))
        #expect(SignedDataParts.precedesInSetOrder([0x30], [0x30, 0x00]))
        #expect(SignedDataParts.precedesInSetOrder([0x30, 0x00], [0x30]))
        #expect(!SignedDataParts.precedesInSetOrder([0x30, 0x01], [0x30]))
    }
}
