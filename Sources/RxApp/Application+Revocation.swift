import Foundation
import Logging
import RxSignature
import RxTransport

extension Application {
    /// The facility CA's certificate revocation list(s), PEM, in the certificates directory. When the
    /// file exists at start, every handshake is checked against it; SIGHUP re-reads it.
    public static let facilityRevocationListFile = "facility-crl.pem"

    /// The prescriber-signing CA's CRL(s), PEM, in the certificates directory. When the file exists at
    /// start, Submit and Replace refuse signatures by revoked doctors' certificates; SIGHUP re-reads it.
    public static let signingRevocationListFile = "signing-crl.pem"

    static func revocationListPath(in certificatesDirectory: String, file: String = facilityRevocationListFile) -> String {
        URL(fileURLWithPath: certificatesDirectory).appendingPathComponent(file).path
    }

    /// The CMS verifier trusting only the prescriber-signing CA, with its CRL when one is present.
    static func signatureVerifier(certificatesDirectory: String) throws -> CMSVerifier {
        let anchor = URL(fileURLWithPath: certificatesDirectory).appendingPathComponent("signing-ca.crt").path
        let crl = Self.revocationListPath(in: certificatesDirectory, file: Self.signingRevocationListFile)
        let crlFiles = FileManager.default.fileExists(atPath: crl) ? [crl] : []
        return try CMSVerifier(trustedCAFile: anchor, crlFiles: crlFiles)
    }

    /// Turns revocation checks on when the certificates directory holds a facility CRL.
    static func enableRevocationChecks(on tls: TLSContext, certificatesDirectory: String, logger: Logger) throws {
        let path = Self.revocationListPath(in: certificatesDirectory)
        guard FileManager.default.fileExists(atPath: path) else { return }
        let loaded = try tls.enableRevocationChecks(crlFile: path)
        // Debug, not notice: the first line of a run must stay the "started" line (which reports
        // `facility_crl` through `revocationChecksEnabled`).
        logger.debug("revocation checks on", metadata: ["crl_file": "\(path)", "crls": "\(loaded)"])
    }

    /// Whether handshakes are checked against a facility CRL (a `facility-crl.pem` was present at start).
    public var revocationChecksEnabled: Bool {
        FileManager.default.fileExists(atPath: Self.revocationListPath(in: self.configuration.certificatesDirectory))
    }

    /// Re-reads the facility CRL file (SIGHUP): handshakes from now on see newly revoked certificates, and
    /// the live connections of revoked certificates are closed.
    /// On failure the lists already loaded stay in force.
    public func reloadRevocationLists() {
        let signing = Self.revocationListPath(
            in: self.configuration.certificatesDirectory, file: Self.signingRevocationListFile)
        if FileManager.default.fileExists(atPath: signing) {
            do {
                try self.signatureVerifier.reloadRevocationLists(crlFile: signing)
                self.logger.notice("signing revocation list reloaded", metadata: ["crl_file": "\(signing)"])
            } catch {
                self.logger.error(
                    "signing revocation list reload failed; the lists already loaded stay in force",
                    metadata: ["error": "\(error)"])
            }
        }
        let path = Self.revocationListPath(in: self.configuration.certificatesDirectory)
        guard FileManager.default.fileExists(atPath: path) else { return }
        do {
            let revoked = try self.tls.reloadRevocationLists(crlFile: path)
            let closed = self.server.closeConnections(withCertificateSerials: revoked)
            self.logger.notice(
                "revocation lists reloaded",
                metadata: ["crl_file": "\(path)", "revoked": "\(revoked.count)", "connections_closed": "\(closed)"])
        } catch {
            self.logger.error(
                "revocation list reload failed; the lists already loaded stay in force", metadata: ["error": "\(error)"])
        }
    }
}
