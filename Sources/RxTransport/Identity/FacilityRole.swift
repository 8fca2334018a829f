/// What a connected facility may do, granted by an OU attribute of its client certificate whose value
/// is exactly the raw value (`OU=prescriber`). A facility may hold several roles (one OU each).
public enum FacilityRole: String, Sendable, CaseIterable, Hashable {
    /// Issues prescriptions (hospitals, clinics).
    case prescriber
    /// Looks up and dispenses prescriptions (pharmacies, hospital pharmacies).
    case pharmacy
    /// Reads statistics and audit data (Ministry of Health, Drug Administration).
    case regulator
}
