/// Who may call a method, decided from the caller's certificate alone.
public enum MethodAccess: Sendable, Hashable, CustomStringConvertible {
    /// Any facility whose certificate verified, with or without a role (health checks).
    case anyFacility
    /// Facilities holding at least one of these roles.
    case roles(Set<FacilityRole>)

    public func permits(_ identity: FacilityIdentity) -> Bool {
        switch self {
        case .anyFacility: return true
        case .roles(let allowed): return !allowed.isDisjoint(with: identity.roles)
        }
    }

    public var description: String {
        switch self {
        case .anyFacility: return "any verified facility"
        case .roles(let roles): return roles.map(\.rawValue).sorted().joined(separator: ", ")
        }
    }
}
