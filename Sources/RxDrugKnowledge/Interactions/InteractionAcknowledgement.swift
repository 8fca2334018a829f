/// A prescriber's signed acknowledgement that a pair is intended (the override carried by a signed
/// prescription), naming one ingredient of each drug, in either order.
///
/// Named apart from the wire message `RxWire.InteractionOverride` so both can be imported together; the
/// application converts one into the other. The checker marks the alerts it covers as overridden and
/// hands the acknowledgement back on them, so the prescriptions module can record and count it.
public struct InteractionAcknowledgement: Sendable, Hashable {
    /// An ingredient of one drug of the pair (INN or a synonym).
    public var ingredientA: String
    /// An ingredient of the other drug.
    public var ingredientB: String
    /// Why the prescriber proceeds; required by the Submit rules, not by the checker.
    public var reason: String

    public init(_ ingredientA: String, _ ingredientB: String, reason: String = "") {
        self.ingredientA = ingredientA
        self.ingredientB = ingredientB
        self.reason = reason
    }
}
