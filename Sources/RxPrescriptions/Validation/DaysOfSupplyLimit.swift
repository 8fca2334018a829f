import RxWire

/// The most days of supply a prescription line may cover (domain.md §3 table).
public struct DaysOfSupplyLimit: Sendable, Hashable {
    public var maximumDays: UInt32
    /// Which rule set the limit, for the refusal message.
    public var rule: String

    /// The limit for a prescription of `type` with `diagnoses`.
    ///
    /// - ordinary: 30 (TT 26 Art. 6 k8a), 90 with a chronic diagnosis (Art. 6 k8b);
    /// - narcotic: 7 (Art. 7 k2), 30 with a neoplasm diagnosis C00-D48 (cancer pain, Art. 8 k1);
    /// - psychotropic/precursor: 10 (Art. 9), 30 with a chronic diagnosis (long-term treatment);
    /// - traditional medicine: 30 (TT 55 Art. 8 k7; the stricter decoction limit, also applied to
    ///   finished products, whose 90 days we do not distinguish yet).
    public static func limit(for type: PrescriptionType, diagnoses: [ICD10Code]) -> DaysOfSupplyLimit {
        let chronic = diagnoses.contains(where: ChronicDiseaseList.contains)
        switch type {
        case .narcotic:
            return diagnoses.contains(where: \.isNeoplasm)
                ? DaysOfSupplyLimit(maximumDays: 30, rule: "narcotic, cancer pain (TT 26 Art. 8)")
                : DaysOfSupplyLimit(maximumDays: 7, rule: "narcotic, acute (TT 26 Art. 7)")
        case .psychotropicPrecursor:
            return chronic
                ? DaysOfSupplyLimit(maximumDays: 30, rule: "psychotropic/precursor, long-term (TT 26 Art. 9)")
                : DaysOfSupplyLimit(maximumDays: 10, rule: "psychotropic/precursor, acute (TT 26 Art. 9)")
        case .traditionalMedicine:
            return DaysOfSupplyLimit(maximumDays: 30, rule: "traditional medicine (TT 55 Art. 8)")
        default:
            return chronic
                ? DaysOfSupplyLimit(maximumDays: 90, rule: "chronic disease (TT 26 Art. 6 k8b)")
                : DaysOfSupplyLimit(maximumDays: 30, rule: "ordinary (TT 26 Art. 6 k8a)")
        }
    }
}
