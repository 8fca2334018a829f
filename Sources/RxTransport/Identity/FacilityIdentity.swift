/// The authenticated facility behind a connection, derived once per connection from its verified
/// client certificate: the facility code is what prescriptions and dispensations are attributed to,
/// the roles decide which calls it may make.
///
/// Certificate subject scheme (see `Certs/dev/README.md`): CN = facility code, O = facility name,
/// one OU per role.
public struct FacilityIdentity: Sendable, Hashable {
    /// Facility code (mã cơ sở KCB), from the subject CN: 5 characters `[0-9A-Za-z]`; for healthcare
    /// facilities the first two digits are the province code.
    public var facilityCode: String
    /// Facility name, from the subject O (UTF-8, e.g. "Bệnh viện Đa khoa …").
    public var facilityName: String
    /// Every OU whose value names a known role; unknown OUs are ignored (no role, no error).
    public var roles: Set<FacilityRole>
    /// Serial number of the certificate (hex), for audit records and revocation checks.
    public var certificateSerial: String
    /// End of the certificate's validity, Unix seconds.
    public var notAfter: Int64

    /// Creates an identity from already-validated parts; for tests and in-process callers that do not
    /// go through a certificate.
    public init(
        facilityCode: String, facilityName: String, roles: Set<FacilityRole>, certificateSerial: String,
        notAfter: Int64
    ) {
        self.facilityCode = facilityCode
        self.facilityName = facilityName
        self.roles = roles
        self.certificateSerial = certificateSerial
        self.notAfter = notAfter
    }

    /// Parses a certificate subject (pure; no OpenSSL) into an identity.
    ///
    /// - Parameters:
    ///   - subjectEntries: Subject attributes in certificate order, by OpenSSL short name.
    ///   - serialHex: Certificate serial number in hex.
    ///   - notAfter: End of validity, Unix seconds.
    /// - Throws: `IdentityError` when CN is missing, repeated or not a facility code, or O is missing
    ///   or repeated.
    public init(
        subjectEntries: [(shortName: String, value: String)], serialHex: String, notAfter: Int64
    ) throws(IdentityError) {
        var codes: [String] = []
        var names: [String] = []
        var roles: Set<FacilityRole> = []
        for entry in subjectEntries {
            switch entry.shortName {
            case "CN": codes.append(entry.value)
            case "O": names.append(entry.value)
            case "OU":
                if let role = FacilityRole(rawValue: entry.value) { roles.insert(role) }
            default: break
            }
        }
        guard let code = codes.first else { throw .missingFacilityCode }
        guard codes.count == 1 else { throw .repeatedAttribute(shortName: "CN", values: codes) }
        guard FacilityIdentity.isFacilityCode(code) else { throw .invalidFacilityCode(code) }
        guard let name = names.first else { throw .missingFacilityName }
        guard names.count == 1 else { throw .repeatedAttribute(shortName: "O", values: names) }
        self.init(facilityCode: code, facilityName: name, roles: roles, certificateSerial: serialHex, notAfter: notAfter)
    }

    /// The 2-digit province code prefix of the facility code, or `nil` when the code does not start
    /// with two digits. Retired pre-2025 province codes are returned as they are.
    public var provinceCode: String? {
        let prefix = self.facilityCode.utf8.prefix(2)
        guard prefix.count == 2, prefix.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else {
            return nil
        }
        return String(decoding: prefix, as: UTF8.self)
    }

    /// Whether `value` has the facility-code syntax: exactly 5 ASCII letters or digits.
    public static func isFacilityCode(_ value: String) -> Bool {
        let bytes = value.utf8
        return bytes.count == 5
            && bytes.allSatisfy { byte in
                (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                    || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                    || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
            }
    }
}
