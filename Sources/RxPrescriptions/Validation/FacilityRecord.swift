/// One entry of the facility register: what the rules need to know about a prescribing facility.
public struct FacilityRecord: Sendable, Hashable {
    public var facilityCode: String
    public var name: String
    /// Narcotic (N) prescriptions may only be issued by facilities with inpatient beds (TT 26 Art. 7).
    public var hasInpatientBeds: Bool

    public init(facilityCode: String, name: String, hasInpatientBeds: Bool) {
        self.facilityCode = facilityCode
        self.name = name
        self.hasInpatientBeds = hasInpatientBeds
    }
}
