import Foundation
import Testing

@testable import RxTransport

@Suite("Facility certificate revocation (CRLs on the server context)")
struct TLSContextRevocationTests {
    /// A scratch `openssl ca` state for the development facility CA in `directory`.
    private struct FacilityCA {
        let directory: String

        init(directory: String) throws {
            self.directory = directory
            try "".write(toFile: "\(directory)/index.txt", atomically: true, encoding: .utf8)
            try "01\n".write(toFile: "\(directory)/crlnumber", atomically: true, encoding: .utf8)
            let configuration = """
                [ca]
                default_ca = facility
                [facility]
                database = \(directory)/index.txt
                crlnumber = \(directory)/crlnumber
                default_md = sha256
                default_crl_days = 30
                """
            try configuration.write(toFile: "\(directory)/ca.cnf", atomically: true, encoding: .utf8)
        }

        var crl: String { "\(self.directory)/facility-crl.pem" }

        func revoke(_ identity: String) throws {
            try Self.openssl([
                "ca", "-config", "\(self.directory)/ca.cnf", "-keyfile", DevelopmentPKI.path("ca.key"),
                "-cert", DevelopmentPKI.path("ca.crt"), "-revoke", DevelopmentPKI.path("\(identity).crt"),
            ])
        }

        /// Writes the CRL with `lastUpdate` `hoursAgo` hours back, so a later CRL is the newer one.
        func publish(hoursAgo: Int) throws {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "UTC")
            formatter.dateFormat = "yyyyMMddHHmmss'Z'"
            let lastUpdate = formatter.string(from: Date().addingTimeInterval(-Double(hoursAgo) * 3600))
            try Self.openssl([
                "ca", "-config", "\(self.directory)/ca.cnf", "-keyfile", DevelopmentPKI.path("ca.key"),
                "-cert", DevelopmentPKI.path("ca.crt"), "-gencrl", "-crl_lastupdate", lastUpdate, "-out", self.crl,
            ])
        }

        private static func openssl(_ arguments: [String]) throws {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["openssl"] + arguments
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            try #require(process.terminationStatus == 0, "openssl \(arguments.joined(separator: " ")) failed")
        }
    }

    private static func withScratchDirectory(_ body: (String) throws -> Void) throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("rx-crl-\(UInt64.random(in: 0...UInt64.max))").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try body(directory)
    }

    private static func handshake(_ identity: String, server: TLSContext) throws -> InMemoryTLSPair {
        let pair = try InMemoryTLSPair(client: DevelopmentPKI.clientContext(identity: identity), server: server)
        pair.handshake()
        return pair
    }

    @Test("a certificate revoked after start is refused at its next handshake once the CRL is reloaded")
    func reloadRefusesRevoked() throws {
        try Self.withScratchDirectory { directory in
            let ca = try FacilityCA(directory: directory)
            try ca.publish(hoursAgo: 2)
            let server = try DevelopmentPKI.serverContext()
            #expect(try server.enableRevocationChecks(crlFile: ca.crl) == 1)
            let before = try Self.handshake("pharmacy", server: server)
            #expect(before.bothComplete, "server \(before.serverProgress)")
            let serial = try #require(before.server.peerCertificate()).serialHex

            try ca.revoke("pharmacy")
            try ca.publish(hoursAgo: 1)
            let revoked = try server.reloadRevocationLists(crlFile: ca.crl)
            #expect(revoked == [serial])

            let after = try Self.handshake("pharmacy", server: server)
            let failure = try #require(after.serverFailure, "server \(after.serverProgress)")
            #expect(failure.verifyResult == "certificate revoked")
            #expect(try Self.handshake("hospital-prescriber", server: server).bothComplete)
        }
    }

    @Test("with revocation checks on and no CRL for the issuer, nobody gets in")
    func missingCRLRefusesEveryone() throws {
        try Self.withScratchDirectory { directory in
            let unrelated = "\(directory)/unrelated-crl.pem"
            let key = "\(directory)/other.key"
            let certificate = "\(directory)/other.crt"
            // Only for its ca.cnf: the CRL below is issued by an unrelated self-signed CA.
            _ = try FacilityCA(directory: directory)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = [
                "-c",
                """
                openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout \(key) \
                -out \(certificate) -subj /CN=Other -days 2 2>/dev/null && \
                openssl ca -config \(directory)/ca.cnf -keyfile \(key) -cert \(certificate) -gencrl \
                -out \(unrelated) 2>/dev/null
                """,
            ]
            try process.run()
            process.waitUntilExit()
            try #require(process.terminationStatus == 0)
            let server = try DevelopmentPKI.serverContext()
            _ = try server.enableRevocationChecks(crlFile: unrelated)
            let pair = try Self.handshake("pharmacy", server: server)
            let failure = try #require(pair.serverFailure, "server \(pair.serverProgress)")
            #expect(failure.verifyResult == "unable to get certificate CRL")
        }
    }

    @Test("a file without a CRL is refused")
    func fileWithoutCRL() throws {
        let server = try DevelopmentPKI.serverContext()
        #expect(throws: TLSError.self) { try server.enableRevocationChecks(crlFile: DevelopmentPKI.path("ca.crt")) }
    }
}
