import Foundation
import Testing

@testable import RxSignature

@Suite("CMS verification")
struct CMSVerifierTests {
    /// Bytes that would be mangled by any text canonicalisation (CR LF, NUL, high bytes), so an exact
    /// comparison proves `CMS_BINARY` end to end.
    static let content: [UInt8] = Array("Đơn thuốc 79088\r\nline 2\n".utf8) + [0x00, 0xFF, 0x0D, 0x0A]

    static let doctorSubject = [
        "C = VN", "O = Bệnh viện Đa khoa Thử nghiệm Sài Gòn", "organizationIdentifier = 79088",
        "serialNumber = 000999/HCM-CCHN", "CN = Lê Văn Thử",
    ]

    static var now: Int64 { Int64(Date().timeIntervalSince1970) }

    let verifier: CMSVerifier

    init() throws {
        self.verifier = try CMSVerifier(trustedCAFile: DevPKI.signingCA)
    }

    @Test("a signature made by the openssl cms command-line tool verifies with the exact content and the doctor's identity")
    func opensslCommandLineSignature() throws {
        let signature = try withTemporaryDirectory { directory in
            try OpenSSLTool.cmsSign(
                content: Self.content, certificate: DevPKI.path("doctor-1.crt"), key: DevPKI.path("doctor-1.key"),
                in: directory)
        }
        let verified = try verifier.verify(signature, at: Self.now)
        #expect(verified.content == Self.content)
        #expect(verified.signerPractisingCertificate == "000123/HCM-CCHN")
        #expect(verified.signerName == "Nguyễn Thị Lan")
        #expect(verified.signerFacilityCode == "79088")
        let signingTime = try #require(verified.signingTime)
        #expect(abs(signingTime - Self.now) < 120)
        #expect(verified.notBefore < Self.now && Self.now < verified.notAfter)
    }

    @Test("serial and fingerprint agree with what openssl x509 prints for the signer certificate")
    func certificateDetailsMatchOpenSSL() throws {
        let signature = try CMSSigner.sign(
            content: Self.content, certificateFile: DevPKI.path("doctor-2.crt"),
            privateKeyFile: DevPKI.path("doctor-2.key"))
        let verified = try verifier.verify(signature, at: Self.now)
        let printed = String(
            decoding: try OpenSSLTool.run([
                "x509", "-noout", "-serial", "-fingerprint", "-sha256", "-in", DevPKI.path("doctor-2.crt"),
            ]), as: UTF8.self)
        #expect(printed.contains("serial=\(verified.certificateSerial)\n"))
        let fingerprint = verified.certificateSHA256.uppercased()
        let colonSeparated = stride(from: 0, to: fingerprint.count, by: 2).map { offset -> String in
            let start = fingerprint.index(fingerprint.startIndex, offsetBy: offset)
            return String(fingerprint[start..<fingerprint.index(start, offsetBy: 2)])
        }.joined(separator: ":")
        #expect(printed.contains(colonSeparated))
        #expect(verified.signerPractisingCertificate == "004567/HNO-CCHN")
        #expect(verified.signerFacilityCode == "01215")
    }

    @Test("one flipped byte inside the encapsulated content is an invalid signature")
    func alteredContent() throws {
        var signature = try CMSSigner.sign(
            content: Self.content, certificateFile: DevPKI.path("doctor-1.crt"),
            privateKeyFile: DevPKI.path("doctor-1.key"))
        let needle = Array("line 2".utf8)
        let offset = try #require(
            (0...(signature.count - needle.count)).first { Array(signature[$0..<($0 + needle.count)]) == needle })
        signature[offset] ^= 0x01
        #expect {
            try verifier.verify(signature, at: Self.now)
        } throws: { error in
            guard case .invalidSignature = error as? SignatureError else { return false }
            return true
        }
    }

    @Test("a certificate freshly issued by the signing CA verifies and carries its subject attributes")
    func freshlyIssuedCertificate() throws {
        try withTemporaryDirectory { directory in
            let ca = try ScratchCA(directory: directory, certificate: DevPKI.signingCA, key: DevPKI.signingCAKey)
            let doctor = try ca.issue("fresh", subject: Self.doctorSubject)
            let signature = try OpenSSLTool.cmsSign(
                content: Self.content, certificate: doctor.certificate, key: doctor.key, in: directory)
            let verified = try verifier.verify(signature, at: Self.now)
            #expect(verified.signerPractisingCertificate == "000999/HCM-CCHN")
            #expect(verified.signerName == "Lê Văn Thử")
            #expect(verified.signerFacilityCode == "79088")
        }
    }

    @Test("a signer from a CA nobody configured is untrusted")
    func unknownCA() throws {
        try withTemporaryDirectory { directory in
            let unknown = try ScratchCA.makeUntrusted(in: "\(directory)/unknown")
            let doctor = try unknown.issue("doctor", subject: Self.doctorSubject)
            let signature = try OpenSSLTool.cmsSign(
                content: Self.content, certificate: doctor.certificate, key: doctor.key, in: directory)
            try expectError(verifying: signature) { if case .untrustedSigner = $0 { true } else { false } }
        }
    }

    @Test("the committed foreign certificate is untrusted")
    func foreignCertificate() throws {
        let signature = try CMSSigner.sign(
            content: Self.content, certificateFile: DevPKI.path("foreign.crt"), privateKeyFile: DevPKI.path("foreign.key"))
        try expectError(verifying: signature) { if case .untrustedSigner = $0 { true } else { false } }
    }

    @Test("a facility TLS certificate (issued by the facility CA, not the signing CA) cannot sign prescriptions")
    func facilityTLSCertificate() throws {
        let signature = try CMSSigner.sign(
            content: Self.content, certificateFile: DevPKI.path("hospital-prescriber.crt"),
            privateKeyFile: DevPKI.path("hospital-prescriber.key"))
        try expectError(verifying: signature) { error in
            guard case .untrustedSigner(let detail) = error else { return false }
            return detail.contains("local issuer")
        }
    }

    @Test("a certificate from the signing CA without the S/MIME signing purpose is untrusted")
    func wrongPurpose() throws {
        try withTemporaryDirectory { directory in
            let ca = try ScratchCA(directory: directory, certificate: DevPKI.signingCA, key: DevPKI.signingCAKey)
            let doctor = try ca.issue("client", subject: Self.doctorSubject, profile: .client)
            let signature = try CMSSigner.sign(
                content: Self.content, certificateFile: doctor.certificate, privateKeyFile: doctor.key)
            try expectError(verifying: signature) { error in
                guard case .untrustedSigner(let detail) = error else { return false }
                return detail.contains("purpose")
            }
        }
    }

    @Test("a signing certificate that expired before the signature was made is refused")
    func expiredCertificate() throws {
        try withTemporaryDirectory { directory in
            let ca = try ScratchCA(directory: directory, certificate: DevPKI.signingCA, key: DevPKI.signingCAKey)
            let doctor = try ca.issue(
                "expired", subject: Self.doctorSubject, validity: ("20200101000000Z", "20201231235959Z"))
            let signature = try OpenSSLTool.cmsSign(
                content: Self.content, certificate: doctor.certificate, key: doctor.key, in: directory)
            try expectError(verifying: signature) { error in
                guard case .certificateExpired(let detail) = error else { return false }
                return detail.contains("at signing time")
            }
        }
    }

    @Test("a valid signature is refused once the certificate has expired by the verification time")
    func expiredByNow() throws {
        let signature = try CMSSigner.sign(
            content: Self.content, certificateFile: DevPKI.path("doctor-1.crt"),
            privateKeyFile: DevPKI.path("doctor-1.key"))
        let verified = try verifier.verify(signature, at: Self.now)
        #expect {
            try verifier.verify(signature, at: verified.notAfter + 1)
        } throws: { error in
            guard case .certificateExpired(let detail) = error as? SignatureError else { return false }
            return detail.contains("now")
        }
        #expect(throws: Never.self) { try verifier.verify(signature, at: verified.notAfter - 1) }
        #expect {
            try verifier.verify(signature, at: verified.notBefore - 1)
        } throws: { error in
            guard case .certificateNotYetValid = error as? SignatureError else { return false }
            return true
        }
    }

    @Test("a revoked signing certificate is refused when the CA's CRL is loaded")
    func revokedCertificate() throws {
        try withTemporaryDirectory { directory in
            let ca = try ScratchCA(directory: directory, certificate: DevPKI.signingCA, key: DevPKI.signingCAKey)
            let revoked = try ca.issue("revoked", subject: Self.doctorSubject)
            let crl = try ca.revokeAndPublishCRL(revoked.certificate)
            let checking = try CMSVerifier(trustedCAFile: DevPKI.signingCA, crlFiles: [crl])
            let bad = try CMSSigner.sign(
                content: Self.content, certificateFile: revoked.certificate, privateKeyFile: revoked.key)
            #expect {
                try checking.verify(bad, at: Self.now)
            } throws: { error in
                guard case .certificateRevoked = error as? SignatureError else { return false }
                return true
            }
            let good = try CMSSigner.sign(
                content: Self.content, certificateFile: DevPKI.path("doctor-1.crt"),
                privateKeyFile: DevPKI.path("doctor-1.key"))
            #expect(try checking.verify(good, at: Self.now).content == Self.content)
        }
    }

    @Test("a signer certificate without a practising-certificate number is refused, naming the attribute")
    func missingPractisingCertificate() throws {
        try withTemporaryDirectory { directory in
            let ca = try ScratchCA(directory: directory, certificate: DevPKI.signingCA, key: DevPKI.signingCAKey)
            let doctor = try ca.issue(
                "anonymous", subject: ["C = VN", "organizationIdentifier = 79088", "CN = Không Số"])
            let signature = try CMSSigner.sign(
                content: Self.content, certificateFile: doctor.certificate, privateKeyFile: doctor.key)
            try expectError(verifying: signature) { error in
                guard case .missingSignerAttribute(let attribute) = error else { return false }
                return attribute.contains("serialNumber")
            }
        }
    }

    @Test("garbage, empty input and trailing bytes are malformed")
    func garbage() throws {
        try expectError(verifying: Array("this is not CMS".utf8)) { if case .malformed = $0 { true } else { false } }
        try expectError(verifying: []) { if case .malformed = $0 { true } else { false } }
        try expectError(verifying: [0x30, 0x82, 0x10, 0x00, 0x06]) { if case .malformed = $0 { true } else { false } }
        let signature = try CMSSigner.sign(
            content: Self.content, certificateFile: DevPKI.path("doctor-1.crt"),
            privateKeyFile: DevPKI.path("doctor-1.key"))
        try expectError(verifying: signature + [0x00]) { error in
            guard case .malformed(let detail) = error else { return false }
            return detail.contains("trailing")
        }
    }

    @Test("a detached signature is malformed: the content must travel inside the SignedData")
    func detachedSignature() throws {
        let signature = try withTemporaryDirectory { directory in
            try OpenSSLTool.cmsSign(
                content: Self.content, certificate: DevPKI.path("doctor-1.crt"), key: DevPKI.path("doctor-1.key"),
                attached: false, in: directory)
        }
        try expectError(verifying: signature) { $0 == .malformed("content not attached") }
    }

    @Test("one verifier serves many threads at once")
    func concurrentVerification() throws {
        let signature = try CMSSigner.sign(
            content: Self.content, certificateFile: DevPKI.path("doctor-1.crt"),
            privateKeyFile: DevPKI.path("doctor-1.key"))
        let now = Self.now
        let verifier = self.verifier
        let failures = Counter()
        DispatchQueue.concurrentPerform(iterations: 64) { _ in
            if (try? verifier.verify(signature, at: now).content) != Self.content { failures.increment() }
        }
        #expect(failures.value == 0)
    }

    @Test("an unreadable trust anchor file is reported with its path")
    func unreadableCAFile() {
        #expect(throws: SignatureError.self) { try CMSVerifier(trustedCAFile: "/nonexistent/ca.crt") }
        do {
            _ = try CMSVerifier(trustedCAFile: "/nonexistent/ca.crt")
        } catch {
            guard case .unreadableFile(let path, _) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(path == "/nonexistent/ca.crt")
        }
    }

    private func expectError(
        verifying signature: [UInt8], sourceLocation: SourceLocation = #_sourceLocation,
        _ matches: (SignatureError) -> Bool
    ) throws {
        do {
            let verified = try verifier.verify(signature, at: Self.now)
            Issue.record("verified unexpectedly: \(verified.signerName)", sourceLocation: sourceLocation)
        } catch {
            #expect(matches(error), "unexpected error: \(error)", sourceLocation: sourceLocation)
        }
    }
}

/// A thread-safe tally for the concurrency test.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    func increment() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
}
