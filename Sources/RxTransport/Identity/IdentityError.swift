/// Why a verified certificate's subject does not name a facility. The certificate chained to a
/// trusted CA, so each case points at a CA issuance mistake, not at an attacker; the message says
/// which attribute to fix.
public enum IdentityError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The subject has no CN, which must carry the facility code.
    case missingFacilityCode
    /// The CN is not a 5-character `[0-9A-Za-z]` facility code.
    case invalidFacilityCode(String)
    /// The subject has no O, which must carry the facility name.
    case missingFacilityName
    /// An attribute that must appear once appears several times (e.g. two CNs), so the identity is
    /// ambiguous.
    case repeatedAttribute(shortName: String, values: [String])

    public var description: String {
        switch self {
        case .missingFacilityCode:
            "certificate subject has no CN (facility code)"
        case .invalidFacilityCode(let value):
            "certificate subject CN '\(value)' is not a 5-character [0-9A-Za-z] facility code"
        case .missingFacilityName:
            "certificate subject has no O (facility name)"
        case .repeatedAttribute(let shortName, let values):
            "certificate subject has \(values.count) \(shortName) attributes (\(values.joined(separator: ", "))); expected one"
        }
    }
}
