import RxWire

extension PrescriptionType {
    /// The type letter the hub puts on codes it assigns (domain.md §1): C ordinary, N narcotic,
    /// H psychotropic or precursor, T traditional medicine (TT 55/2025; the QĐ 808 integrations' `y` is
    /// accepted on proposed codes, see `acceptedCodeLetters`).
    public var codeLetter: Character {
        switch self {
        case .narcotic: "N"
        case .psychotropicPrecursor: "H"
        case .traditionalMedicine: "T"
        default: "C"
        }
    }

    /// Letters accepted on a code the prescriber proposes for this type.
    public var acceptedCodeLetters: Set<Character> {
        self == .traditionalMedicine ? ["T", "Y"] : [self.codeLetter]
    }

    /// A short English name for messages and audit records.
    public var name: String {
        switch self {
        case .ordinary: "ordinary"
        case .narcotic: "narcotic"
        case .psychotropicPrecursor: "psychotropic/precursor"
        case .traditionalMedicine: "traditional medicine"
        default: "unspecified (\(self.rawValue))"
        }
    }
}
