import RxWire

/// A catalog that knows no product: every submission is refused with "not in the drug catalog".
///
/// The safe default until the application plugs in the real drug catalog: prescriptions can never be
/// accepted unchecked, and the refusal names what is missing.
public struct EmptyProductDirectory: ProductDirectory {
    public init() {}

    public func product(registrationNumber: String) -> ProductFacts? { nil }

    public func isEquivalent(_ a: String, _ b: String) -> Bool { false }

    public func unitPriceVND(registrationNumber: String, on date: CivilDate) -> Int64? { nil }
}
