/// The legal control class of a product. Narcotic drugs need an N prescription, psychotropic drugs and
/// precursors an H prescription, with shorter supply limits (TT 26/2025 Art. 7-9).
public enum ControlledClass: String, Sendable, Hashable, CaseIterable {
    case none
    /// Thuốc gây nghiện.
    case narcotic
    /// Thuốc hướng thần.
    case psychotropic
    /// Thuốc tiền chất.
    case precursor

    /// The value written in the CSV column `nhom_kiem_soat`.
    public var csvCode: String {
        switch self {
        case .none: return "khong"
        case .narcotic: return "gay_nghien"
        case .psychotropic: return "huong_than"
        case .precursor: return "tien_chat"
        }
    }

    /// Reads a CSV value: the Vietnamese code with or without diacritics, spaces or underscores
    /// ("gây nghiện", "gay_nghien"), the English name, or empty for none.
    public init?(csvValue: String) {
        let folded = SearchText.fold(csvValue).replacingOccurrences(of: " ", with: "_")
        switch folded {
        case "", "khong", "none": self = .none
        case "gay_nghien", "narcotic": self = .narcotic
        case "huong_than", "psychotropic": self = .psychotropic
        case "tien_chat", "precursor": self = .precursor
        default: return nil
        }
    }
}
