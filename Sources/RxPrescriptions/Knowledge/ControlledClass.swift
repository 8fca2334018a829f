/// Special-control class of a product, which decides the prescription type it may be written on
/// (TT 26 Art. 7-9: narcotic drugs on N prescriptions, psychotropic and precursor drugs on H).
public enum ControlledClass: String, Sendable, Hashable, CaseIterable {
    case none
    case narcotic
    case psychotropic
    case precursor
}
