import Foundation
import Logging
import RxTransport

extension Application {
    /// The facility CA's certificate revocation list(s), PEM, in the certificates directory. When the
    /// file exists at start, every handshake is checked against it; SIGHUP re-reads it.
    public static let facilityRevocationListFile = "facility-crl.pem"

    static func revocationListPath(in certificatesDirectory: String) -> String {
        URL(fileURLWithPath: certificatesDirectory).appendingPathComponent(Self.facilityRevocationListFile).path
    }

    /// Turns revocation checks on when the certificates directory holds a facility CRL.
    static func enableRevocationChecks(on tls: TLSContext, certificatesDirectory: String, logger: Logger) throws {
        let path = Self.revocationListPath(in: certificatesDirectory)
        guard FileManager.default.fileExists(atPath: path) else { return }
        let loaded = try tls.enableRevocationChecks(crlFile: path)
        logger.notice("revocation checks on", metadata: ["crl_file": "\(path)", "crls": "\(loaded)"])
    }

    /// Re-reads the facility CRL file (SIGHUP): handshakes from now on see newly revoked certificates, and
    /// the live connections of revoked certificates are closed.
    /// On failure the lists already loaded stay in force.
    public func reloadRevocationLists() {
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
