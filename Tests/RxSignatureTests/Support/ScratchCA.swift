import Foundation

/// A throwaway certificate authority in a temporary directory, driven through `openssl ca`, for
/// certificates the committed development PKI does not have: expired or revoked signing certificates,
/// a signer without a practising-certificate number, a wrong purpose, an unknown CA.
///
/// Either wraps an existing CA key pair (the development prescriber-signing CA) or makes a new one.
struct ScratchCA {
    let directory: String
    let certificate: String
    let key: String

    /// Extension profiles for issued certificates.
    enum Profile: String {
        case signer = "signer_ext"
        case client = "client_ext"
    }

    /// A CA state directory for the existing key pair `certificate`/`key`.
    init(directory: String, certificate: String, key: String) throws {
        self.directory = directory
        self.certificate = certificate
        self.key = key
        try FileManager.default.createDirectory(atPath: "\(directory)/new", withIntermediateDirectories: true)
        try "".write(toFile: "\(directory)/index.txt", atomically: true, encoding: .utf8)
        try "1000\n".write(toFile: "\(directory)/serial", atomically: true, encoding: .utf8)
        try "1000\n".write(toFile: "\(directory)/crlnumber", atomically: true, encoding: .utf8)
        try Self.configuration(directory: directory).write(
            toFile: "\(directory)/ca.cnf", atomically: true, encoding: .utf8)
    }

    /// A brand-new self-signed CA nobody trusts.
    static func makeUntrusted(in directory: String) throws -> ScratchCA {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let key = "\(directory)/ca.key"
        let certificate = "\(directory)/ca.crt"
        try Self.newKey(key)
        try OpenSSLTool.run([
            "req", "-new", "-x509", "-key", key, "-days", "30", "-subj", "/C=VN/O=Unknown/CN=Unknown Signing CA",
            "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign",
            "-out", certificate,
        ])
        return try ScratchCA(directory: directory, certificate: certificate, key: key)
    }

    /// Issues a certificate named `name` (files `name.crt`/`name.key` in the CA directory).
    ///
    /// - Parameters:
    ///   - subject: `attribute = value` lines, in order.
    ///   - validity: Explicit start and end (`YYYYMMDDHHMMSSZ`), or `nil` for 30 days from now.
    /// - Returns: Paths of the certificate and key.
    func issue(
        _ name: String, subject: [String], profile: Profile = .signer, validity: (String, String)? = nil
    ) throws -> (certificate: String, key: String) {
        let key = "\(directory)/\(name).key"
        let request = "\(directory)/\(name).csr"
        let certificate = "\(directory)/\(name).crt"
        let requestConfig = "\(directory)/\(name).req.cnf"
        try Self.newKey(key)
        let lines = ["[req]", "prompt = no", "utf8 = yes", "string_mask = utf8only", "distinguished_name = dn", "[dn]"]
            + subject
        try (lines.joined(separator: "\n") + "\n").write(toFile: requestConfig, atomically: true, encoding: .utf8)
        try OpenSSLTool.run(["req", "-new", "-utf8", "-config", requestConfig, "-key", key, "-out", request])
        var arguments = [
            "ca", "-batch", "-utf8", "-notext", "-config", "\(directory)/ca.cnf", "-cert", self.certificate,
            "-keyfile", self.key, "-extensions", profile.rawValue, "-in", request, "-out", certificate,
        ]
        if let (start, end) = validity {
            arguments += ["-startdate", start, "-enddate", end]
        } else {
            arguments += ["-days", "30"]
        }
        try OpenSSLTool.run(arguments)
        return (certificate, key)
    }

    /// Revokes `certificate` and writes a CRL listing it; returns the CRL's path.
    func revokeAndPublishCRL(_ certificate: String) throws -> String {
        let crl = "\(directory)/ca.crl"
        try OpenSSLTool.run([
            "ca", "-config", "\(directory)/ca.cnf", "-cert", self.certificate, "-keyfile", self.key, "-revoke",
            certificate,
        ])
        try OpenSSLTool.run([
            "ca", "-config", "\(directory)/ca.cnf", "-cert", self.certificate, "-keyfile", self.key, "-gencrl",
            "-crldays", "30", "-out", crl,
        ])
        return crl
    }

    /// Revokes `certificate` with the revocation date `unixTime` instead of the moment of the call, by
    /// rewriting the date `openssl ca -revoke` wrote into the CA database; `publishCRL` then lists it so.
    func revoke(_ certificate: String, at unixTime: Int64) throws {
        try OpenSSLTool.run([
            "ca", "-config", "\(directory)/ca.cnf", "-cert", self.certificate, "-keyfile", self.key, "-revoke",
            certificate,
        ])
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyMMddHHmmss'Z'"
        let date = formatter.string(from: Date(timeIntervalSince1970: Double(unixTime)))
        let serialOutput = try OpenSSLTool.run(["x509", "-in", certificate, "-noout", "-serial"])
        let serial = String(decoding: serialOutput, as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(of: "serial=", with: "")
        let database = "\(directory)/index.txt"
        let lines = try String(contentsOfFile: database, encoding: .utf8).split(separator: "\n").map { line in
            var fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            if fields.first == "R", fields.count > 3, fields[3] == serial { fields[2] = date }
            return fields.joined(separator: "\t")
        }
        try (lines.joined(separator: "\n") + "\n").write(toFile: database, atomically: true, encoding: .utf8)
    }

    /// Writes the CA's current CRL (valid from now for 30 days) and returns its path.
    func publishCRL() throws -> String {
        let crl = "\(directory)/ca.crl"
        try OpenSSLTool.run([
            "ca", "-config", "\(directory)/ca.cnf", "-cert", self.certificate, "-keyfile", self.key, "-gencrl",
            "-crldays", "30", "-out", crl,
        ])
        return crl
    }

    private static func newKey(_ path: String) throws {
        try OpenSSLTool.run(["genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", path])
    }

    private static func configuration(directory: String) -> String {
        """
        [ca]
        default_ca = scratch

        [scratch]
        dir = \(directory)
        database = $dir/index.txt
        new_certs_dir = $dir/new
        serial = $dir/serial
        crlnumber = $dir/crlnumber
        default_md = sha256
        policy = accept_anything
        unique_subject = no
        string_mask = utf8only
        preserve = yes
        email_in_dn = no

        [accept_anything]
        countryName = optional
        organizationName = optional
        organizationIdentifier = optional
        serialNumber = optional
        commonName = optional

        [signer_ext]
        basicConstraints = critical, CA:FALSE
        keyUsage = critical, digitalSignature, nonRepudiation
        extendedKeyUsage = emailProtection
        subjectKeyIdentifier = hash
        authorityKeyIdentifier = keyid, issuer

        [client_ext]
        basicConstraints = critical, CA:FALSE
        keyUsage = critical, digitalSignature
        extendedKeyUsage = clientAuth
        subjectKeyIdentifier = hash
        authorityKeyIdentifier = keyid, issuer

        """
    }
}
